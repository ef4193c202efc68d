using Millrace.Components;

namespace Millrace.Training.Tests;

public sealed class PenguinFeatures : IFeatureSpec
{
    public static FeatureSet Features => PenguinData.Features;
}

/// <summary>Names a column the penguin data does not have.</summary>
public sealed class MisspelledPenguinFeatures : IFeatureSpec
{
    public static FeatureSet Features { get; } = new(LabelSpec.Multiclass("species", 3), [Feature.Numeric("beak_colour").ZScore()]);
}

public sealed class PenguinModel : IModelDefinition
{
    public static ModelArchitecture Architecture => ModelArchitecture.Mlp(16);

    public static TrainerOptions Options { get; } = new() { Epochs = 40, BatchSize = 32, LearningRate = 1e-2 };
}

[Pipeline("penguin")]
public sealed partial class PenguinPipeline
{
    public string[] Thresholds { get; init; } = ["accuracy >= 0.97"];

    public CsvExampleGen ExampleGen => new() { InputPath = SharedData.PathOf("penguins/penguins_labelled.csv") };

    public Transform<PenguinFeatures> Transform => new() { Examples = ExampleGen.Examples };

    public Tuner<PenguinModel> Tuner => new() { Examples = ExampleGen.Examples, Graph = Transform.Graph, Trials = 4, Eta = 2, MinLearningRate = 3e-3, MaxLearningRate = 3e-2 };

    public Trainer<PenguinModel> Trainer => new() { Examples = ExampleGen.Examples, Graph = Transform.Graph, HyperParameters = Tuner.HyperParameters };

    [Sink] public Evaluator Evaluator => new() { Examples = ExampleGen.Examples, Model = Trainer.Model, Thresholds = Thresholds, SliceColumns = ["species"] };
}

[Pipeline("penguin-misspelled")]
public sealed partial class MisspelledPenguinPipeline
{
    public CsvExampleGen ExampleGen => new() { InputPath = SharedData.PathOf("penguins/penguins_labelled.csv") };

    [Sink] public Transform<MisspelledPenguinFeatures> Transform => new() { Examples = ExampleGen.Examples };
}

/// <summary>
/// The penguin model checked against the latest blessed model: a resolver finds it in the store and the evaluator
/// compares on the same eval rows. <see cref="Epochs"/> makes a worse model (one epoch) or merely another one.
/// </summary>
[Pipeline("penguin-baseline")]
public sealed partial class PenguinBaselinePipeline
{
    public int Epochs { get; init; } = 40;

    public string[] Thresholds { get; init; } = ["accuracy >= 0.3", "accuracy change >= -0.01"];

    public CsvExampleGen ExampleGen => new() { InputPath = SharedData.PathOf("penguins/penguins_labelled.csv") };

    public Transform<PenguinFeatures> Transform => new() { Examples = ExampleGen.Examples };

    public Trainer<PenguinModel> Trainer => new() { Examples = ExampleGen.Examples, Graph = Transform.Graph, Epochs = Epochs };

    public LatestBlessedModelResolver LatestBlessedModel => new();

    [Sink]
    public Evaluator Evaluator => new()
    {
        Examples = ExampleGen.Examples, Model = Trainer.Model, Baseline = LatestBlessedModel.Model, Thresholds = Thresholds, PermutationSeed = -1,
    };
}
