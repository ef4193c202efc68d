namespace Millrace.Components.Tests;

/// <summary>CsvExampleGen then StatisticsGen.</summary>
[Pipeline("statistics")]
public sealed partial class StatisticsPipeline
{
    public string Input { get; init; } = "";

    public CsvExampleGen ExampleGen => new() { InputPath = Input };

    [Sink]
    public StatisticsGen Statistics => new() { Examples = ExampleGen.Examples, UseGpu = false };
}
