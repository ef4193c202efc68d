namespace Millrace;

/// <summary>A model version pushed to a serving location.</summary>
public sealed class PushedModel : Artifact;
