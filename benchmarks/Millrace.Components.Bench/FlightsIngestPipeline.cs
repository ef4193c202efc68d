namespace Millrace.Components.Bench;

/// <summary>Ingest alone of one CSV file into Parquet splits: timed with the process's CPU time by <c>--ingest-only</c>.</summary>
[Pipeline("flights-ingest")]
public sealed partial class FlightsIngestPipeline
{
    public string Input { get; init; } = "";

    [Sink]
    public CsvExampleGen ExampleGen => new() { InputPath = Input };
}
