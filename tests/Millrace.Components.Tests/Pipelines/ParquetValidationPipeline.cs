namespace Millrace.Components.Tests;

/// <summary>Parquet examples validated against a schema file a person wrote.</summary>
[Pipeline("parquet-validation")]
public sealed partial class ParquetValidationPipeline
{
    public string Input { get; init; } = "";

    public string SchemaFile { get; init; } = "";

    public ParquetExampleGen ExampleGen => new() { InputPath = Input, SplitNames = ["all"], SplitWeights = [1] };

    public StatisticsGen Statistics => new() { Examples = ExampleGen.Examples, UseGpu = false };

    public ImportSchemaGen Schema => new() { SchemaPath = SchemaFile };

    [Sink]
    public ExampleValidator Validator => new() { Statistics = Statistics.Statistics, Schema = Schema.Schema };
}
