namespace Millrace;

/// <summary>The constants that feature-engineering analyzers computed, applied identically at training and at serving time.</summary>
public sealed class TransformGraph : Artifact;
