using MessagePack;

namespace Millrace.Training;

/// <summary>A feature whose analyzer constants are fixed: it maps raw values to model input, identically for a batch and for one row.</summary>
[Union(0, typeof(FittedNumeric))]
[Union(1, typeof(FittedCategorical))]
public abstract class FittedFeature
{
    /// <summary>The feature's name.</summary>
    [Key(0)] public required string Name { get; init; }

    /// <summary>Its raw columns, as indices into <see cref="FittedTransform.InputColumns"/>.</summary>
    [Key(1)] public required int[] Inputs { get; init; }

    /// <summary>Where its output starts in the dense vector, or −1 when it has no dense output.</summary>
    [Key(2)] public required int DenseOffset { get; init; }

    /// <summary>Its slot among the categorical indices, or −1 when it is fed densely.</summary>
    [Key(3)] public required int CategoricalSlot { get; init; }

    /// <summary>Writes one row's output: dense values (pre-zeroed) and categorical indices.</summary>
    internal abstract void Write(RawRows rows, int row, Span<float> dense, Span<long> categorical);
}
