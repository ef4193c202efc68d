namespace Millrace.Components.Bench;

/// <summary>Ingest of one Parquet file into Parquet splits.</summary>
[Pipeline("flights-parquet")]
public sealed partial class FlightsParquetPipeline
{
    public string Input { get; init; } = "";

    [Sink]
    public ParquetExampleGen ExampleGen => new() { InputPath = Input };
}
