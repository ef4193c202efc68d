using Microsoft.Extensions.Configuration;
using Millrace.Components;

namespace Millrace.Training.TestApp;

/// <summary>The four penguin measurements, standardised; the label is the species.</summary>
public sealed class ResumeFeatures : IFeatureSpec
{
    /// <summary>The features.</summary>
    public static FeatureSet Features { get; } = new(LabelSpec.Multiclass("species", 3),
    [
        Feature.Numeric("culmen_length_mm").ZScore(),
        Feature.Numeric("culmen_depth_mm").ZScore(),
        Feature.Numeric("flipper_length_mm").ZScore(),
        Feature.Numeric("body_mass_g").ZScore(),
    ]);
}

/// <summary>
/// A small MLP trained in many short epochs (small batches), so that a kill lands between two checkpoints well
/// before the end, and the whole training stays within a couple of seconds.
/// </summary>
public sealed class ResumeModel : IModelDefinition
{
    /// <summary>Two hidden layers.</summary>
    public static ModelArchitecture Architecture => ModelArchitecture.Mlp(32, 16);

    /// <summary>Adam, one thread (the default), seed 42 (the default).</summary>
    public static TrainerOptions Options { get; } = new() { Epochs = 20, BatchSize = 16, LearningRate = 3e-3 };
}

/// <summary>Ingest, transform, train: the smallest pipeline whose trainer checkpoints.</summary>
/// <param name="configuration">Reads <c>Resume:DataPath</c> (the labelled penguin CSV) and <c>Resume:Epochs</c>.</param>
[Pipeline("resume-training")]
public sealed partial class ResumeTrainingPipeline(IConfiguration configuration)
{
    /// <summary>The labelled penguin CSV.</summary>
    public string DataPath => configuration["Resume:DataPath"] ?? throw new InvalidOperationException("Set Resume:DataPath to the labelled penguin CSV.");

    /// <summary>Overrides the model's epoch count when positive.</summary>
    public int Epochs => int.TryParse(configuration["Resume:Epochs"], out var epochs) ? epochs : 0;

    /// <summary>Reads the CSV into train and eval splits.</summary>
    public CsvExampleGen ExampleGen => new() { InputPath = DataPath };

    /// <summary>Fits the transform.</summary>
    public Transform<ResumeFeatures> Transform => new() { Examples = ExampleGen.Examples };

    /// <summary>Trains with a checkpoint per epoch.</summary>
    [Sink]
    public Trainer<ResumeModel> Trainer => new() { Examples = ExampleGen.Examples, Graph = Transform.Graph, Epochs = Epochs };
}
