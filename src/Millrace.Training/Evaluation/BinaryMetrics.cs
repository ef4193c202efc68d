namespace Millrace.Training;

/// <summary>Metrics of a binary classifier's probabilities against 0/1 labels.</summary>
public sealed record BinaryMetrics
{
    /// <summary>How many examples.</summary>
    public required long Count { get; init; }

    /// <summary>The fraction predicted right at the threshold.</summary>
    public required double Accuracy { get; init; }

    /// <summary>The area under the ROC curve (ties count one half); NaN when one class is absent.</summary>
    public required double RocAuc { get; init; }

    /// <summary>The area under the precision-recall curve as average precision: Σ (Rₙ − Rₙ₋₁)·Pₙ over score thresholds.</summary>
    public required double PrAuc { get; init; }

    /// <summary>The mean negative log-likelihood, probabilities clipped to [1e-15, 1 − 1e-15].</summary>
    public required double LogLoss { get; init; }

    /// <summary>TP / (TP + FP) at the threshold; 0 when nothing is predicted positive.</summary>
    public required double Precision { get; init; }

    /// <summary>TP / (TP + FN) at the threshold; 0 when there is no positive.</summary>
    public required double Recall { get; init; }

    /// <summary>The harmonic mean of precision and recall; 0 when both are 0.</summary>
    public required double F1 { get; init; }

    /// <summary>The confusion matrix at the threshold: [actual, predicted], so [1, 1] holds the true positives.</summary>
    public required long[,] ConfusionMatrix { get; init; }

    /// <summary>Equal-width bins of predicted probability with the observed positive rate in each.</summary>
    public required IReadOnlyList<CalibrationBin> Calibration { get; init; }

    /// <summary>The expected calibration error: Σ (count/n)·|mean predicted − observed rate| over the bins.</summary>
    public required double ExpectedCalibrationError { get; init; }

    /// <summary>The scalar metrics by name, as thresholds and records refer to them.</summary>
    public IReadOnlyDictionary<string, double> ToDictionary() => new Dictionary<string, double>
    {
        ["accuracy"] = Accuracy, ["auc"] = RocAuc, ["pr_auc"] = PrAuc, ["log_loss"] = LogLoss,
        ["precision"] = Precision, ["recall"] = Recall, ["f1"] = F1, ["calibration_error"] = ExpectedCalibrationError,
        ["count"] = Count,
    };
}
