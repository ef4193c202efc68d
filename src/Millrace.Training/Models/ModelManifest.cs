using MessagePack;

namespace Millrace.Training;

/// <summary>What a model artifact holds besides its weights: the architecture and the transform it expects.</summary>
[MessagePackObject]
public sealed class ModelManifest
{
    /// <summary>The file name of the manifest inside a <see cref="Model"/> artifact.</summary>
    public const string FileName = "model.msgpack";

    /// <summary>The file name of the weights inside a <see cref="Model"/> artifact.</summary>
    public const string WeightsFileName = "weights.bin";

    /// <summary>The network's shape.</summary>
    [Key(0)] public required ModelArchitecture Architecture { get; init; }

    /// <summary>The fitted transform raw rows go through first.</summary>
    [Key(1)] public required FittedTransform Transform { get; init; }

    /// <summary>The epoch whose weights were kept (the best eval loss under early stopping, else the last), or −1.</summary>
    [Key(2)] public required int BestEpoch { get; init; }
}
