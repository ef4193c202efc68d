using static TorchSharp.torch;

namespace Millrace.Training;

/// <summary>A transformed split and its labels as tensors: what the trainer iterates over.</summary>
public sealed class TrainingSet : IDisposable
{
    /// <summary>Tensors of a transformed batch and its labels (0/1, class indices or targets).</summary>
    /// <exception cref="TrainingDataException">The split is empty, or the label count differs from the row count.</exception>
    public TrainingSet(TransformedBatch batch, float[] labels, PredictionTask task, string split)
    {
        if (batch.RowCount == 0) throw new TrainingDataException($"Split '{split}' is empty: there is nothing to train or evaluate on.");
        if (labels.Length != batch.RowCount)
            throw new TrainingDataException($"Split '{split}' has {batch.RowCount} rows but {labels.Length} labels.");
        RowCount = batch.RowCount;
        Dense = tensor(batch.Dense, [batch.RowCount, batch.DenseWidth]);
        Categorical = tensor(batch.Categorical, [batch.RowCount, batch.CategoricalWidth]);
        Labels = task == PredictionTask.Multiclass ? tensor(labels.Select(l => (long)l).ToArray()) : tensor(labels);
        LabelValues = labels;
    }

    /// <summary>How many rows.</summary>
    public int RowCount { get; }

    /// <summary>[n, d] dense floats.</summary>
    public Tensor Dense { get; }

    /// <summary>[n, c] embedding indices.</summary>
    public Tensor Categorical { get; }

    /// <summary>[n] labels: floats, or int64 class indices for multi-class.</summary>
    public Tensor Labels { get; }

    /// <summary>The labels as given.</summary>
    public IReadOnlyList<float> LabelValues { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        Dense.Dispose();
        Categorical.Dispose();
        Labels.Dispose();
    }
}
