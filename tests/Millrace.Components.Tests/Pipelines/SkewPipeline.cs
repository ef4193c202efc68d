namespace Millrace.Components.Tests;

/// <summary>
/// Two inputs as the splits "train" and "serving", a schema from train with a skew threshold, validation of skew
/// between them, and a step that consumes the anomalies (so blocking shows).
/// </summary>
[Pipeline("skew")]
public sealed partial class SkewPipeline
{
    public string Training { get; init; } = "";

    public string Serving { get; init; } = "";

    public double Threshold { get; init; } = 0.1;

    public CsvExampleGen ExampleGen => new() { InputSplits = ["train=" + Training, "serving=" + Serving] };

    public StatisticsGen Statistics => new() { Examples = ExampleGen.Examples, UseGpu = false };

    public SchemaGen Schema => new() { Statistics = Statistics.Statistics, SkewThreshold = Threshold, InferRanges = false };

    public ExampleValidator Validator => new() { Statistics = Statistics.Statistics, Schema = Schema.Schema, SkewSplits = ["train", "serving"] };

    [Sink]
    public ConsumeAnomalies Trainer => new() { Examples = ExampleGen.Examples, Anomalies = Validator.Anomalies };
}
