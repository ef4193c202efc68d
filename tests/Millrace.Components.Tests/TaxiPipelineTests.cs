using Microsoft.Extensions.Configuration;
using Millrace.Components.Statistics;
using Millrace.Components.Validation;
using Millrace.Samples.Taxi;

namespace Millrace.Components.Tests;

public sealed class TaxiPipelineTests
{
    [Fact]
    public async Task The_taxi_sample_runs_end_to_end_through_the_local_runner_and_then_from_the_cache()
    {
        await using var root = new PipelineRoot();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Taxi:DataPath", SharedData.Taxi)]).Build();

        var first = await root.RunAsync(new TaxiPipeline(configuration));
        var second = await root.RunAsync(new TaxiPipeline(configuration));

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
