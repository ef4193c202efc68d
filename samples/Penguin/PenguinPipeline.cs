using Microsoft.Extensions.Configuration;
using Millrace.Components;
using Millrace.Components.Validation;
using Millrace.Training;

namespace Millrace.Samples.Penguin;

/// <summary>
/// The TFX penguin pipeline: ingest, statistics, schema and validation, then transform, tune, train and evaluate a
/// species classifier that is blessed only at 97% accuracy or more, and no more than 0.01 below the accuracy of the
/// model the latest earlier run blessed.
/// </summary>
/// <param name="configuration">Reads <c>Penguin:DataPath</c>, the labelled penguin CSV.</param>
[Pipeline("penguin")]
public sealed partial class PenguinPipeline(IConfiguration configuration)
{
    /// <summary>The labelled CSV: <c>Penguin:DataPath</c>, else the shared data beside the repository.</summary>
    public string DataPath => configuration["Penguin:DataPath"] ?? Path.Combine("..", "shared", "data", "penguins", "penguins_labelled.csv");

    public CsvExampleGen ExampleGen => new() { InputPath = DataPath };

    public StatisticsGen Statistics => new() { Examples = ExampleGen.Examples };

    public SchemaGen Schema => new() { Statistics = Statistics.Statistics };

    /// <summary>Eval values just beyond the training range are reported without blocking; missing columns, type changes and NaN block.</summary>
    public ExampleValidator Validator => new()
    {
        Statistics = Statistics.Statistics,
        Schema = Schema.Schema,
        NonBlocking = [AnomalyKind.OutOfRange, AnomalyKind.UnexpectedValue],
    };

    /// <summary>Takes the anomalies as an input: blocking anomalies stop the transform and all that follows.</summary>
    public Transform<PenguinFeatures> Transform => new() { Examples = ExampleGen.Examples, Anomalies = Validator.Anomalies };

    public Tuner<PenguinModel> Tuner => new() { Examples = ExampleGen.Examples, Graph = Transform.Graph, Trials = 4, Eta = 2, MinLearningRate = 3e-3, MaxLearningRate = 3e-2 };

    public Trainer<PenguinModel> Trainer => new() { Examples = ExampleGen.Examples, Graph = Transform.Graph, HyperParameters = Tuner.HyperParameters };

    /// <summary>The model the latest earlier run blessed, looked up in the metadata store on every run; none on the first.</summary>
    public LatestBlessedModelResolver LatestBlessedModel => new();

    [Sink]
    public Evaluator Evaluator => new()
    {
        Examples = ExampleGen.Examples, Model = Trainer.Model, Baseline = LatestBlessedModel.Model,
        Thresholds = ["accuracy >= 0.97", "accuracy change >= -0.01"], SliceColumns = ["species"],
    };
}
