namespace Millrace.Components.Tests;

/// <summary>ParquetExampleGen into one split, then StatisticsGen.</summary>
[Pipeline("parquet-statistics")]
public sealed partial class ParquetStatisticsPipeline
{
    public string Input { get; init; } = "";

    public ParquetExampleGen ExampleGen => new() { InputPath = Input, SplitNames = ["all"], SplitWeights = [1] };

    [Sink]
    public StatisticsGen Statistics => new() { Examples = ExampleGen.Examples, UseGpu = false };
}
