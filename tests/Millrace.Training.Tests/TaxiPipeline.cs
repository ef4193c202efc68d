using Millrace.Components;

namespace Millrace.Training.Tests;

public sealed class TaxiModel : IModelDefinition
{
    public static ModelArchitecture Architecture => ModelArchitecture.Mlp(64, 32);

    public static TrainerOptions Options { get; } = new() { Epochs = 6, BatchSize = 512, LearningRate = 3e-3 };
}

/// <summary>The taxi pipeline from ingest to a blessed model, with the bar as thresholds.</summary>
[Pipeline("taxi-training")]
public sealed partial class TaxiTrainingPipeline
{
    public CsvExampleGen ExampleGen => new() { InputPath = SharedData.PathOf("taxi/taxi_big_tipper_label.csv") };

    public Transform<TaxiFeatures> Transform => new() { Examples = ExampleGen.Examples };

    public Trainer<TaxiModel> Trainer => new() { Examples = ExampleGen.Examples, Graph = Transform.Graph };

    [Sink]
    public Evaluator Evaluator => new()
    {
        Examples = ExampleGen.Examples, Model = Trainer.Model, SliceColumns = ["payment_type"],
        Thresholds = ["accuracy >= 0.89", "auc >= 0.94"], PermutationSeed = -1,
    };
}
