namespace Millrace;

/// <summary>Metrics of a model on evaluation data, overall and per slice, with feature importances.</summary>
public sealed class ModelEvaluation : Artifact;
