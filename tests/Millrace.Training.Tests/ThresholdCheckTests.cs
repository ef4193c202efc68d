namespace Millrace.Training.Tests;

public sealed class ThresholdCheckTests
{
    private static readonly Dictionary<string, double> Metrics = new() { ["auc"] = 0.93, ["accuracy"] = 0.9, ["log_loss"] = 0.25 };

    [Fact]
    public void A_metric_below_its_lower_bound_fails_and_says_by_how_much()
    {
        var failure = Assert.Single(ThresholdCheck.Check(Metrics, [new MetricThreshold("auc") { Lower = 0.94 }, new MetricThreshold("accuracy") { Lower = 0.89 }]));
        Assert.Equal("auc", failure.Metric);
        Assert.Equal(0.01, failure.Shortfall, 12);
        Assert.Equal("auc 0.93 below its lower bound (0.94) by 0.01", failure.Message);
    }

    [Fact]
    public void A_loss_above_its_upper_bound_fails()
    {
        Assert.Single(ThresholdCheck.Check(Metrics, [new MetricThreshold("log_loss") { Upper = 0.2 }]));
    }

    [Fact]
    public void The_first_model_passes_change_thresholds_because_there_is_no_baseline()
    {
        Assert.Empty(ThresholdCheck.Check(Metrics, [new MetricThreshold("auc") { MinImprovement = 0.0 }], baseline: null));
    }

    [Fact]
    public void A_model_worse_than_the_baseline_by_more_than_allowed_fails_and_a_lower_loss_counts_as_an_improvement()
    {
        var baseline = new Dictionary<string, double> { ["auc"] = 0.95, ["log_loss"] = 0.3 };
        var failure = Assert.Single(ThresholdCheck.Check(Metrics,
            [new MetricThreshold("auc") { MinImprovement = -0.01 }, new MetricThreshold("log_loss") { MinImprovement = 0.01 }], baseline));
        Assert.Equal("auc", failure.Metric);
        Assert.Equal(0.01, failure.Shortfall, 12);
    }

    [Fact]
    public void A_threshold_on_a_metric_that_was_not_computed_is_an_error()
    {
        var error = Assert.Throws<TrainingDataException>(() => ThresholdCheck.Check(Metrics, [new MetricThreshold("rmse") { Upper = 1 }]));
        Assert.Contains("'rmse'", error.Message);
    }
}
