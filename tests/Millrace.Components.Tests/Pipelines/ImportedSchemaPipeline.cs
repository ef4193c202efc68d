namespace Millrace.Components.Tests;

/// <summary>Examples validated against a schema file a person wrote.</summary>
[Pipeline("imported-schema")]
public sealed partial class ImportedSchemaPipeline
{
    public string Input { get; init; } = "";

    public string SchemaFile { get; init; } = "";

    public CsvExampleGen ExampleGen => new() { InputPath = Input, SplitNames = ["all"], SplitWeights = [1] };

    public StatisticsGen Statistics => new() { Examples = ExampleGen.Examples, UseGpu = false };

    public ImportSchemaGen Schema => new() { SchemaPath = SchemaFile };

    [Sink]
    public ExampleValidator Validator => new() { Statistics = Statistics.Statistics, Schema = Schema.Schema };
}
