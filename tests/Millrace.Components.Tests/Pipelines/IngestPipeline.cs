namespace Millrace.Components.Tests;

/// <summary>CsvExampleGen alone, with every ingest setting open to the test.</summary>
[Pipeline("ingest")]
public sealed partial class IngestPipeline
{
    public string Input { get; init; } = "";

    public string[] InputSplitList { get; init; } = [];

    public string Column { get; init; } = "";

    public string[] Overrides { get; init; } = [];

    public BadRowPolicy Policy { get; init; } = BadRowPolicy.Fail;

    public double MaxFraction { get; init; } = 0.01;

    public string[] Names { get; init; } = ["train", "eval"];

    public int[] Weights { get; init; } = [2, 1];

    [Sink]
    public CsvExampleGen ExampleGen => new()
    {
        InputPath = Input,
        InputSplits = InputSplitList,
        SplitColumn = Column,
        TypeOverrides = Overrides,
        BadRows = Policy,
        MaxBadRowFraction = MaxFraction,
        SplitNames = Names,
        SplitWeights = Weights,
    };
}
