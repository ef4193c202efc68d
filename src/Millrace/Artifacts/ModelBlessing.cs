namespace Millrace;

/// <summary>The verdict of model validation: whether a model passed its thresholds and may be pushed.</summary>
public sealed class ModelBlessing : Artifact;
