namespace Millrace;

/// <summary>What validation found wrong with examples against a schema; blocking anomalies stop the steps that consume it.</summary>
public sealed class ExampleAnomalies : Artifact;
