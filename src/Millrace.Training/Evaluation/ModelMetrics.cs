namespace Millrace.Training;

/// <summary>The metrics of a task by name, from labels and a model's predictions.</summary>
public static class ModelMetrics
{
    /// <summary>The metric thresholds default to and permutation importance measures: AUC, accuracy or RMSE.</summary>
    public static string PrimaryMetric(PredictionTask task) => task switch
    {
        PredictionTask.Binary => "auc",
        PredictionTask.Multiclass => "accuracy",
        _ => "rmse",
    };

    /// <summary>Every scalar metric of the task.</summary>
    public static IReadOnlyDictionary<string, double> Compute(LabelSpec label, ReadOnlySpan<float> labels, ReadOnlySpan<float> predictions) => label.Task switch
    {
        PredictionTask.Binary => BinaryMetricsCalculator.Compute(labels, predictions).ToDictionary(),
        PredictionTask.Multiclass => MulticlassMetrics.Compute(labels, predictions, label.ClassCount).ToDictionary(),
        _ => RegressionMetrics.Compute(labels, predictions).ToDictionary(),
    };
}
