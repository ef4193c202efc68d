using System.Globalization;

namespace Millrace.Training;

/// <summary>
/// Reads thresholds written as text, the form component parameters carry: <c>auc &gt;= 0.94</c>,
/// <c>log_loss &lt;= 0.3</c>, and against the baseline <c>auc change &gt;= -0.01</c>.
/// </summary>
public static class MetricThresholdParser
{
    /// <summary>Parses each threshold.</summary>
    /// <exception cref="TrainingDataException">A text is not one of the three forms.</exception>
    public static IReadOnlyList<MetricThreshold> Parse(IEnumerable<string> texts) => texts.Select(Parse).ToArray();

    /// <summary>Parses one threshold.</summary>
    /// <exception cref="TrainingDataException">The text is not one of the three forms.</exception>
    public static MetricThreshold Parse(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        bool change = parts.Length == 4 && parts[1] == "change";
        if (!(parts.Length == 3 || change) || !double.TryParse(parts[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            throw new TrainingDataException($"Threshold '{text}' is not 'metric >= value', 'metric <= value' or 'metric change >= value'.");
        var threshold = new MetricThreshold(parts[0]);
        return (parts[^2], change) switch
        {
            (">=", false) => threshold with { Lower = value },
            ("<=", false) => threshold with { Upper = value },
            (">=", true) => threshold with { MinImprovement = value },
            _ => throw new TrainingDataException($"Threshold '{text}' has operator '{parts[^2]}'; use '>=' or '<=' (a change threshold takes '>=').")
        };
    }
}
