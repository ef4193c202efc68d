namespace Millrace.Training;

/// <summary>What the evaluator measured: metrics overall and per slice, and permutation feature importance.</summary>
public sealed record EvaluationReport
{
    /// <summary>The metrics over the whole eval split.</summary>
    public required IReadOnlyDictionary<string, double> Overall { get; init; }

    /// <summary>The metrics per slice, keyed <c>column=value</c> (<c>payment_type=Cash</c>); a missing value is <c>column=</c>.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Slices { get; init; }

    /// <summary>The confusion matrix over the whole split, [actual][predicted]; empty for regression.</summary>
    public required long[][] ConfusionMatrix { get; init; }

    /// <summary>The calibration table of a binary model; empty otherwise.</summary>
    public required IReadOnlyList<CalibrationBin> Calibration { get; init; }

    /// <summary>Per raw input column: how much the primary metric worsens when that column's values are shuffled.</summary>
    public required IReadOnlyDictionary<string, double> FeatureImportance { get; init; }
}
