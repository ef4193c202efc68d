namespace Millrace.Components.Bench;

/// <summary>Ingest and statistics of one CSV file: the two steps the side-by-side comparison times.</summary>
[Pipeline("flights")]
public sealed partial class FlightsPipeline
{
    public string Input { get; init; } = "";

    public bool Gpu { get; init; }

    public ExampleCompression Compression { get; init; }

    public CsvExampleGen ExampleGen => new() { InputPath = Input, Compression = Compression };

    [Sink]
    public StatisticsGen Statistics => new() { Examples = ExampleGen.Examples, UseGpu = Gpu };
}
