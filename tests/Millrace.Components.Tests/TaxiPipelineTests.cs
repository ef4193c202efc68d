using Millrace.Components.Statistics;
using Millrace.Components.Validation;

namespace Millrace.Components.Tests;

/// <summary>The data half of the taxi sample (the sample itself, with training, runs in Millrace.Samples.Tests).</summary>
[Pipeline("taxi-data")]
public sealed partial class TaxiDataPipeline
{
    public CsvExampleGen ExampleGen => new() { InputPath = SharedData.Taxi };

    public StatisticsGen Statistics => new() { Examples = ExampleGen.Examples };

    public SchemaGen Schema => new() { Statistics = Statistics.Statistics, SkewThreshold = 0.1 };

    [Sink]
    public ExampleValidator Validator => new()
    {
        Statistics = Statistics.Statistics,
        Schema = Schema.Schema,
        SkewSplits = ["train", "eval"],
        NonBlocking = [AnomalyKind.OutOfRange, AnomalyKind.UnexpectedValue],
    };
}

public sealed class TaxiPipelineTests
{
    [Fact]
    public async Task The_taxi_data_pipeline_runs_end_to_end_through_the_local_runner_and_then_from_the_cache()
    {
        await using var root = new PipelineRoot();

        var first = await root.RunAsync(new TaxiDataPipeline());
        var second = await root.RunAsync(new TaxiDataPipeline());

        Assert.Equal(RunState.Succeeded, first.State);
        Assert.Equal(4, first.Count(NodeOutcome.Succeeded));
        Assert.Equal(4, second.Count(NodeOutcome.Cached));
        var statistics = await StatisticsFile.ReadAsync(Outputs.Of(first, "Statistics"));
        Assert.Equal(15_002, statistics.Splits.Sum(s => s.RowCount));
        Assert.Equal(19, statistics["train"].Features.Count);
        var report = await AnomaliesFile.ReadAsync(Outputs.Of(first, "Validator"));
        Assert.DoesNotContain(report.Anomalies, a => a.Kind is AnomalyKind.MissingColumn or AnomalyKind.NewColumn or AnomalyKind.TypeMismatch or AnomalyKind.Skew);
        var executions = await root.Store.GetExecutionsAsync(first.RunId);
        Assert.Equal(["ExampleGen", "Statistics", "Schema", "Validator"], executions.Select(e => e.Node));
    }
}
