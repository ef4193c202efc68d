using Microsoft.Extensions.Configuration;
using Millrace.Components;
using Millrace.Components.Validation;

namespace Millrace.Samples.Taxi;

/// <summary>
/// The Chicago taxi pipeline: ingest the trips into train and eval splits, compute their statistics, infer a schema
/// from the training split, and validate both splits against it, with train/eval skew.
/// </summary>
/// <param name="configuration">Reads <c>Taxi:DataPath</c>, the taxi CSV to ingest.</param>
[Pipeline("chicago-taxi")]
public sealed partial class TaxiPipeline(IConfiguration configuration)
{
    /// <summary>
    /// Where the taxi CSV is: <c>Taxi:DataPath</c> from configuration, else the shared data folder beside the
    /// repository (the sample runs from the repository root).
    /// </summary>
    public string DataPath => configuration["Taxi:DataPath"] ?? Path.Combine("..", "shared", "data", "taxi", "taxi_big_tipper_label.csv");

    public CsvExampleGen ExampleGen => new() { InputPath = DataPath };

    public StatisticsGen Statistics => new() { Examples = ExampleGen.Examples };

    public SchemaGen Schema => new() { Statistics = Statistics.Statistics, SkewThreshold = 0.1 };

    /// <summary>Eval values beyond the training range or domain are reported without blocking; missing columns, type changes and skew block.</summary>
    [Sink]
    public ExampleValidator Validator => new()
    {
        Statistics = Statistics.Statistics,
        Schema = Schema.Schema,
        SkewSplits = ["train", "eval"],
        NonBlocking = [AnomalyKind.OutOfRange, AnomalyKind.UnexpectedValue],
    };
}
