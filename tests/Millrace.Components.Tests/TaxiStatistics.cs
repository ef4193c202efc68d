using Millrace.Components.Statistics;

namespace Millrace.Components.Tests;

/// <summary>The taxi data ingested and summarised once for all the tests of a class.</summary>
public sealed class TaxiStatistics : IAsyncLifetime
{
    private readonly PipelineRoot _root = new();

    public Artifact Examples { get; private set; } = null!;

    public DatasetStatistics Statistics { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var result = await _root.RunAsync(new StatisticsPipeline { Input = SharedData.Taxi });
        Examples = Outputs.Of(result, "ExampleGen");
        Statistics = await StatisticsFile.ReadAsync(Outputs.Of(result, "Statistics"));
    }

    public async Task DisposeAsync() => await _root.DisposeAsync();
}
