namespace Millrace.Training.Tests;

public sealed class MetricsTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    public void Roc_and_pr_auc_match_the_pairwise_and_per_threshold_definitions_with_and_without_ties(int seed, bool coarse)
    {
        var (labels, scores) = MetricsReference.RandomBinary(seed, 500, coarse);
        var metrics = BinaryMetricsCalculator.Compute(labels, scores);
        Assert.Equal(MetricsReference.RocAuc(labels, scores), metrics.RocAuc, 12);
        Assert.Equal(MetricsReference.AveragePrecision(labels, scores), metrics.PrAuc, 12);
    }

    [Fact]
    public void Threshold_metrics_log_loss_and_calibration_match_a_direct_count_on_a_small_example()
    {
        float[] labels = [1, 1, 1, 0, 0, 0, 0, 1];
        float[] scores = [0.9f, 0.6f, 0.4f, 0.7f, 0.2f, 0.1f, 0.3f, 0.95f];
        var metrics = BinaryMetricsCalculator.Compute(labels, scores, threshold: 0.5, calibrationBins: 2);
        // Predicted positive: 0.9, 0.6, 0.7, 0.95 → TP 3, FP 1; negative: 0.4 (FN), 0.2, 0.1, 0.3 (TN 3).
        Assert.Equal(new long[,] { { 3, 1 }, { 1, 3 } }, metrics.ConfusionMatrix);
        Assert.Equal(6.0 / 8, metrics.Accuracy, 12);
        Assert.Equal(0.75, metrics.Precision, 12);
        Assert.Equal(0.75, metrics.Recall, 12);
        Assert.Equal(0.75, metrics.F1, 12);
        double expectedLogLoss = -(Math.Log(0.9f) + Math.Log(0.6f) + Math.Log(0.4f) + Math.Log(1 - (double)0.7f) + Math.Log(1 - (double)0.2f)
            + Math.Log(1 - (double)0.1f) + Math.Log(1 - (double)0.3f) + Math.Log(0.95f)) / 8;
        Assert.Equal(expectedLogLoss, metrics.LogLoss, 9);
        // Bin [0, 0.5): 0.4 (1), 0.2, 0.1, 0.3 → observed 1/4; bin [0.5, 1]: 0.9, 0.6, 0.7, 0.95 → observed 3/4.
        Assert.Equal(0.25, metrics.Calibration[0].ObservedRate, 12);
        Assert.Equal((0.4f + 0.2f + 0.1f + 0.3f) / 4.0, metrics.Calibration[0].MeanPredicted, 6);
        Assert.Equal(0.75, metrics.Calibration[1].ObservedRate, 12);
        double ece = 0.5 * Math.Abs((0.4f + 0.2f + 0.1f + 0.3f) / 4.0 - 0.25) + 0.5 * Math.Abs((0.9f + 0.6f + 0.7f + 0.95f) / 4.0 - 0.75);
        Assert.Equal(ece, metrics.ExpectedCalibrationError, 6);
    }

    [Fact]
    public void Multiclass_metrics_match_a_hand_counted_confusion_matrix()
    {
        float[] labels = [0, 1, 2, 2];
        float[] probabilities = [0.8f, 0.1f, 0.1f, 0.2f, 0.3f, 0.5f, 0.1f, 0.1f, 0.8f, 0.6f, 0.2f, 0.2f];
        var metrics = MulticlassMetrics.Compute(labels, probabilities, 3);
        Assert.Equal(new long[,] { { 1, 0, 0 }, { 0, 0, 1 }, { 1, 0, 1 } }, metrics.ConfusionMatrix);
        Assert.Equal(0.5, metrics.Accuracy, 12);
        Assert.Equal([0.5, 0, 0.5], metrics.Precision);
        Assert.Equal([1, 0, 0.5], metrics.Recall);
        Assert.Equal((2 * 0.5 / 1.5 + 0 + 0.5) / 3, metrics.MacroF1, 12);
        Assert.Equal(-(Math.Log(0.8f) + Math.Log(0.3f) + Math.Log(0.8f) + Math.Log(0.2f)) / 4, metrics.LogLoss, 9);
    }

    [Fact]
    public void Rmse_and_mae_match_their_definitions()
    {
        var metrics = RegressionMetrics.Compute([1, 2, 3, 4], [1.5f, 2, 2, 6]);
        Assert.Equal(Math.Sqrt((0.25 + 0 + 1 + 4) / 4), metrics.Rmse, 12);
        Assert.Equal((0.5 + 0 + 1 + 2) / 4, metrics.Mae, 12);
    }

    [Fact]
    public void Metrics_of_no_examples_are_an_error_rather_than_nan()
    {
        Assert.Throws<TrainingDataException>(() => BinaryMetricsCalculator.Compute([], []));
        Assert.Throws<TrainingDataException>(() => RegressionMetrics.Compute([1], []));
    }
}
