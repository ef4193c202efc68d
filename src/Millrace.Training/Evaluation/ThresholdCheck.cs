using System.Globalization;

namespace Millrace.Training;

/// <summary>Checks metrics against value and change thresholds.</summary>
public static class ThresholdCheck
{
    /// <summary>The thresholds the metrics miss; empty when the model passes.</summary>
    /// <param name="metrics">The candidate's metrics by name.</param>
    /// <param name="thresholds">The bounds.</param>
    /// <param name="baseline">The latest blessed model's metrics, or null for the first model (change thresholds then pass).</param>
    /// <exception cref="TrainingDataException">A threshold names a metric that was not computed.</exception>
    public static IReadOnlyList<ThresholdFailure> Check(IReadOnlyDictionary<string, double> metrics, IReadOnlyList<MetricThreshold> thresholds,
        IReadOnlyDictionary<string, double>? baseline = null)
    {
        var failures = new List<ThresholdFailure>();
        foreach (var threshold in thresholds)
        {
            if (!metrics.TryGetValue(threshold.Metric, out double value))
                throw new TrainingDataException($"A threshold names metric '{threshold.Metric}', which was not computed; the metrics are {string.Join(", ", metrics.Keys)}.");
            if (threshold.Lower is { } lower && !(value >= lower))
                failures.Add(Failure(threshold.Metric, value, lower, lower - value, "below its lower bound"));
            if (threshold.Upper is { } upper && !(value <= upper))
                failures.Add(Failure(threshold.Metric, value, upper, value - upper, "above its upper bound"));
            if (threshold.MinImprovement is { } minimum && baseline is not null && baseline.TryGetValue(threshold.Metric, out double before))
            {
                double improvement = threshold.LowerIsBetter ? before - value : value - before;
                double bound = threshold.LowerIsBetter ? before - minimum : before + minimum;
                if (!(improvement >= minimum))
                    failures.Add(Failure(threshold.Metric, value, bound, minimum - improvement, $"changed by {F(improvement)} against the baseline's {F(before)}, needs {F(minimum)}") with { AgainstBaseline = true });
            }
        }
        return failures;
    }

    private static ThresholdFailure Failure(string metric, double value, double bound, double shortfall, string what) =>
        new(metric, value, bound, shortfall, $"{metric} {F(value)} {what} ({F(bound)}) by {F(shortfall)}");

    private static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
