namespace Millrace.Training;

/// <summary>Metrics of a regression's predictions against targets.</summary>
/// <param name="Count">How many examples.</param>
/// <param name="Rmse">The root mean squared error.</param>
/// <param name="Mae">The mean absolute error.</param>
public sealed record RegressionMetrics(long Count, double Rmse, double Mae)
{
    /// <summary>The scalar metrics by name.</summary>
    public IReadOnlyDictionary<string, double> ToDictionary() => new Dictionary<string, double> { ["rmse"] = Rmse, ["mae"] = Mae, ["count"] = Count };

    /// <summary>Computes the metrics.</summary>
    /// <exception cref="TrainingDataException">The lengths disagree or there are no examples.</exception>
    public static RegressionMetrics Compute(ReadOnlySpan<float> targets, ReadOnlySpan<float> predictions)
    {
        if (targets.Length != predictions.Length) throw new TrainingDataException($"{targets.Length} targets but {predictions.Length} predictions.");
        if (targets.Length == 0) throw new TrainingDataException("There are no examples to compute metrics on.");
        double squared = 0, absolute = 0;
        for (int i = 0; i < targets.Length; i++)
        {
            double error = (double)predictions[i] - targets[i];
            squared += error * error;
            absolute += Math.Abs(error);
        }
        return new RegressionMetrics(targets.Length, Math.Sqrt(squared / targets.Length), absolute / targets.Length);
    }
}
