namespace Millrace;

/// <summary>Predictions of a model over a set of examples.</summary>
public sealed class InferenceResult : Artifact;
