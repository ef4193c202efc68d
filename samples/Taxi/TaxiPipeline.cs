namespace Millrace.Samples.Taxi;

/// <summary>The Chicago taxi pipeline: import the trips, profile them, and gate on their size.</summary>
[Pipeline("chicago-taxi")]
public sealed partial class TaxiPipeline
{
    /// <summary>Where the taxi CSV is; the shared data folder beside the repository by default.</summary>
    public string DataPath { get; init; } = Path.Combine("..", "shared", "data", "taxi", "taxi_big_tipper_label.csv");

    public CsvImport ExampleGen => new() { InputPath = DataPath };

    public ColumnProfile Statistics => new() { Examples = ExampleGen.Examples, MaxColumns = 32 };

    [Sink]
    public RowCountGate Validator => new() { Examples = ExampleGen.Examples, Statistics = Statistics.Statistics, MinimumRows = 1000 };
}
