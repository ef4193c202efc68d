namespace Millrace.Training;

/// <summary>
/// A bound a metric must meet for a model to be blessed: value bounds, and a change bound against the latest
/// blessed model (ignored when there is none yet).
/// </summary>
/// <param name="Metric">The metric's name (<c>accuracy</c>, <c>auc</c>, <c>log_loss</c>, <c>rmse</c>, …).</param>
public sealed record MetricThreshold(string Metric)
{
    /// <summary>The value must be at least this.</summary>
    public double? Lower { get; init; }

    /// <summary>The value must be at most this.</summary>
    public double? Upper { get; init; }

    /// <summary>
    /// The least improvement over the baseline, in the metric's better direction; negative allows a small regression
    /// (−0.01: may be at most 0.01 worse).
    /// </summary>
    public double? MinImprovement { get; init; }

    /// <summary>Whether a lower value is better (losses and errors).</summary>
    public bool LowerIsBetter => Metric is "log_loss" or "rmse" or "mae" or "calibration_error";
}
