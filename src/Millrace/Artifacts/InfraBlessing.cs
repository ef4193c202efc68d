namespace Millrace;

/// <summary>The verdict of infrastructure validation: whether a model loaded and answered canary requests in the real server.</summary>
public sealed class InfraBlessing : Artifact;
