namespace Millrace;

/// <summary>The hyper-parameters a tuner chose, with the trials that led to them.</summary>
public sealed class HyperParameters : Artifact;
