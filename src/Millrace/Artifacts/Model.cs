namespace Millrace;

/// <summary>A trained model: its weights, its architecture and the transform graph it expects, enough to serve it.</summary>
public sealed class Model : Artifact;
