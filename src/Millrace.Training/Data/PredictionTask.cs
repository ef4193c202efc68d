namespace Millrace.Training;

/// <summary>What a model predicts, which fixes its head and its loss.</summary>
public enum PredictionTask
{
    /// <summary>A 0/1 label; one logit, binary cross-entropy.</summary>
    Binary,

    /// <summary>A class index 0..k−1; k logits, cross-entropy.</summary>
    Multiclass,

    /// <summary>A number; one output, mean squared error.</summary>
    Regression,
}
