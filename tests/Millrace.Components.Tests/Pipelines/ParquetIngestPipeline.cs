namespace Millrace.Components.Tests;

/// <summary>ParquetExampleGen alone.</summary>
[Pipeline("parquet-ingest")]
public sealed partial class ParquetIngestPipeline
{
    public string Input { get; init; } = "";

    public string Column { get; init; } = "";

    [Sink]
    public ParquetExampleGen ExampleGen => new() { InputPath = Input, SplitColumn = Column };
}
