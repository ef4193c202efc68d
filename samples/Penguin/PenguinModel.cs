using Millrace.Training;

namespace Millrace.Samples.Penguin;

/// <summary>A small MLP; the tuner picks its learning rate and batch size.</summary>
public sealed class PenguinModel : IModelDefinition
{
    public static ModelArchitecture Architecture => ModelArchitecture.Mlp(16);

    public static TrainerOptions Options { get; } = new() { Epochs = 40, BatchSize = 32, LearningRate = 1e-2 };
}
