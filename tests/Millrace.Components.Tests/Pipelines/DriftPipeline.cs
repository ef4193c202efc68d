namespace Millrace.Components.Tests;

/// <summary>Two spans of the same data source, each ingested and summarised; the new span is validated for drift against the previous one.</summary>
[Pipeline("drift")]
public sealed partial class DriftPipeline
{
    public string Previous { get; init; } = "";

    public string Current { get; init; } = "";

    public CsvExampleGen PreviousSpan => new() { InputPath = Previous, SplitNames = ["train"], SplitWeights = [1] };

    public StatisticsGen PreviousStatistics => new() { Examples = PreviousSpan.Examples, UseGpu = false };

    public CsvExampleGen CurrentSpan => new() { InputPath = Current, SplitNames = ["train"], SplitWeights = [1] };

    public StatisticsGen CurrentStatistics => new() { Examples = CurrentSpan.Examples, UseGpu = false };

    public SchemaGen Schema => new() { Statistics = PreviousStatistics.Statistics, DriftThreshold = 0.001, InferRanges = false };

    [Sink]
    public ExampleValidator Validator => new()
    {
        Statistics = CurrentStatistics.Statistics,
        Schema = Schema.Schema,
        Baseline = PreviousStatistics.Statistics,
        BaselineComparison = Validation.AnomalyKind.Drift,
    };
}
