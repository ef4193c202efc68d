using Microsoft.Extensions.Configuration;
using Millrace.Components;
using Millrace.Components.Validation;
using Millrace.Training;

namespace Millrace.Samples.Taxi;

/// <summary>
/// The Chicago taxi pipeline: ingest the trips into train and eval splits, compute their statistics, infer a schema
/// from the training split and validate both splits against it (with train/eval skew), then transform, tune, train
/// and evaluate a <c>big_tipper</c> classifier that is blessed only at accuracy ≥ 0.89 and AUC ≥ 0.94, and, once an
/// earlier run has blessed a model, only if neither metric is more than 0.01 below that model's on the same rows.
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
    public ExampleValidator Validator => new()
    {
        Statistics = Statistics.Statistics,
        Schema = Schema.Schema,
        SkewSplits = ["train", "eval"],
        NonBlocking = [AnomalyKind.OutOfRange, AnomalyKind.UnexpectedValue],
    };

    /// <summary>Takes the anomalies as an input: blocking anomalies stop the transform and all that follows.</summary>
    public Transform<TaxiFeatures> Transform => new() { Examples = ExampleGen.Examples, Anomalies = Validator.Anomalies };

    public Tuner<TaxiModel> Tuner => new()
    {
        Examples = ExampleGen.Examples, Graph = Transform.Graph, Trials = 3, Eta = 3,
        MinLearningRate = 1e-3, MaxLearningRate = 5e-3, BatchSizes = [256, 512],
    };

    public Trainer<TaxiModel> Trainer => new() { Examples = ExampleGen.Examples, Graph = Transform.Graph, HyperParameters = Tuner.HyperParameters };

    /// <summary>The model the latest earlier run blessed, looked up in the metadata store on every run; none on the first.</summary>
    public LatestBlessedModelResolver LatestBlessedModel => new();

    [Sink]
    public Evaluator Evaluator => new()
    {
        Examples = ExampleGen.Examples, Model = Trainer.Model, Baseline = LatestBlessedModel.Model, SliceColumns = ["payment_type"],
        Thresholds = ["accuracy >= 0.89", "auc >= 0.94", "accuracy change >= -0.01", "auc change >= -0.01"],
    };
}
