using MessagePack;
using TorchSharp;
using static TorchSharp.torch;

namespace Millrace.Training;

/// <summary>
/// A trained network with the transform it expects: predicts from transformed batches or from raw rows, and saves
/// into (or loads from) a <see cref="Model"/> artifact that alone is enough to serve.
/// </summary>
public sealed class TrainedModel : IDisposable
{
    private readonly TabularNetwork _network;

    internal TrainedModel(FittedTransform transform, ModelArchitecture architecture, TabularNetwork network, IReadOnlyList<EpochRecord> history, int bestEpoch)
    {
        Transform = transform;
        Architecture = architecture;
        _network = network;
        History = history;
        BestEpoch = bestEpoch;
    }

    /// <summary>The transform raw rows go through.</summary>
    public FittedTransform Transform { get; }

    /// <summary>The network's shape.</summary>
    public ModelArchitecture Architecture { get; }

    /// <summary>The epochs run (empty for a loaded model).</summary>
    public IReadOnlyList<EpochRecord> History { get; }

    /// <summary>The epoch with the lowest eval loss, or −1.</summary>
    public int BestEpoch { get; }

    /// <summary>
    /// The epoch this training resumed at from a checkpoint (the first epoch it ran itself), or
    /// <see langword="null"/> when it started from scratch or the model was loaded.
    /// </summary>
    public int? ResumedAtEpoch { get; internal init; }

    /// <summary>
    /// Predictions per row: the probability of class 1 (binary), the k class probabilities row-major (multi-class),
    /// or the predicted value (regression).
    /// </summary>
    public float[] Predict(TransformedBatch batch)
    {
        _network.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var dense = tensor(batch.Dense, [batch.RowCount, batch.DenseWidth]);
        var categorical = tensor(batch.Categorical, [batch.RowCount, batch.CategoricalWidth]);
        var output = _network.forward(dense, categorical);
        var result = Transform.Label.Task switch
        {
            PredictionTask.Binary => sigmoid(output.squeeze(1)),
            PredictionTask.Multiclass => nn.functional.softmax(output, 1),
            _ => output.squeeze(1),
        };
        return result.contiguous().data<float>().ToArray();
    }

    /// <summary>The prediction for one raw row, as a model server receives it.</summary>
    public float[] PredictRow(IReadOnlyDictionary<string, object?> row) => Predict(Transform.Apply(row));

    /// <summary>Every weight, in parameter order: for comparing two runs bit for bit.</summary>
    public float[] WeightSnapshot() => _network.parameters().SelectMany(p => p.detach().contiguous().data<float>().ToArray()).ToArray();

    /// <summary>Writes the weights and the manifest into a model artifact.</summary>
    public void Save(Model artifact)
    {
        Save(artifact.Uri);
        artifact.Properties["architecture"] = Architecture.Kind.ToString();
        artifact.Properties["task"] = Transform.Label.Task.ToString();
    }

    /// <summary>Writes the weights and the manifest into a directory.</summary>
    public void Save(string directory)
    {
        _network.save(Path.Combine(directory, ModelManifest.WeightsFileName));
        var manifest = new ModelManifest { Architecture = Architecture, Transform = Transform, BestEpoch = BestEpoch };
        File.WriteAllBytes(Path.Combine(directory, ModelManifest.FileName), MessagePackSerializer.Serialize(manifest));
    }

    /// <summary>Reads a model saved by <see cref="Save(Model)"/>.</summary>
    public static TrainedModel Load(Model artifact) => Load(artifact.Uri);

    /// <summary>Reads a model saved by <see cref="Save(string)"/>.</summary>
    /// <exception cref="TrainingDataException">The directory holds no model.</exception>
    public static TrainedModel Load(string directory)
    {
        var path = Path.Combine(directory, ModelManifest.FileName);
        if (!File.Exists(path)) throw new TrainingDataException($"'{directory}' holds no model: {ModelManifest.FileName} is missing.");
        var manifest = MessagePackSerializer.Deserialize<ModelManifest>(File.ReadAllBytes(path));
        var transform = manifest.Transform;
        var network = new TabularNetwork(manifest.Architecture, transform.DenseWidth, transform.EmbeddedFeatures, transform.Label.OutputCount);
        network.load(Path.Combine(directory, ModelManifest.WeightsFileName));
        return new TrainedModel(transform, manifest.Architecture, network, [], manifest.BestEpoch);
    }

    /// <inheritdoc/>
    public void Dispose() => _network.Dispose();
}
