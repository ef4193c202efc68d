using Millrace.Training;

namespace Millrace.Samples.Taxi;

/// <summary>A 64×32 MLP, the shape scikit-learn's baseline uses; the tuner picks its learning rate and batch size.</summary>
public sealed class TaxiModel : IModelDefinition
{
    public static ModelArchitecture Architecture => ModelArchitecture.Mlp(64, 32);

    public static TrainerOptions Options { get; } = new() { Epochs = 6, BatchSize = 512, LearningRate = 3e-3 };
}
