using MessagePack;

namespace Millrace.Training;

/// <summary>A network's shape, stored with its weights so that the model artifact alone is enough to rebuild it.</summary>
[MessagePackObject]
public sealed record ModelArchitecture
{
    /// <summary>Linear, MLP or wide-and-deep.</summary>
    [Key(0)] public ModelKind Kind { get; init; } = ModelKind.Mlp;

    /// <summary>The widths of the hidden layers of the deep part (ReLU between them).</summary>
    [Key(1)] public int[] HiddenLayers { get; init; } = [64, 32];

    /// <summary>A logistic or linear model.</summary>
    public static ModelArchitecture Linear { get; } = new() { Kind = ModelKind.Linear, HiddenLayers = [] };

    /// <summary>A perceptron with the given hidden layers.</summary>
    public static ModelArchitecture Mlp(params int[] hiddenLayers) => new() { Kind = ModelKind.Mlp, HiddenLayers = hiddenLayers };

    /// <summary>A wide-and-deep network with the given hidden layers in its deep part.</summary>
    public static ModelArchitecture WideAndDeep(params int[] hiddenLayers) => new() { Kind = ModelKind.WideAndDeep, HiddenLayers = hiddenLayers };

    /// <inheritdoc/>
    public bool Equals(ModelArchitecture? other) => other is not null && Kind == other.Kind && HiddenLayers.SequenceEqual(other.HiddenLayers);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, HiddenLayers.Length);
}
