using MessagePack;
using Millrace.Compute.IO;

namespace Millrace.Training;

/// <summary>
/// The payload of a <see cref="TransformGraph"/>: the label, the raw input columns and every fitted feature. It
/// applies to a batch of columns (training) and to one raw row (serving) through the same per-feature code, so
/// both give the same values, bit for bit. Stored as MessagePack.
/// </summary>
[MessagePackObject]
public sealed class FittedTransform
{
    /// <summary>The file name of the payload inside a <see cref="TransformGraph"/> artifact.</summary>
    public const string FileName = "transform_graph.msgpack";

    /// <summary>The label the features were fitted with.</summary>
    [Key(0)] public required LabelSpec Label { get; init; }

    /// <summary>The raw columns the features read.</summary>
    [Key(1)] public required string[] InputColumns { get; init; }

    /// <summary>The fitted features, in declaration order.</summary>
    [Key(2)] public required FittedFeature[] Features { get; init; }

    /// <summary>Dense values per transformed row.</summary>
    [Key(3)] public required int DenseWidth { get; init; }

    /// <summary>The features fed as embedding indices, in slot order.</summary>
    [IgnoreMember]
    public IReadOnlyList<FittedCategorical> EmbeddedFeatures =>
        Features.OfType<FittedCategorical>().Where(f => f.CategoricalSlot >= 0).OrderBy(f => f.CategoricalSlot).ToArray();

    /// <summary>Transforms every row of a table (it may hold more columns than the transform reads).</summary>
    /// <exception cref="TrainingDataException">An input column is missing or holds strings where a number is expected.</exception>
    public TransformedBatch Apply(ColumnarTable table, string split = "input") => Apply(RawTable.From(table), split);

    /// <summary>Transforms every row of a table (it may hold more columns than the transform reads).</summary>
    /// <exception cref="TrainingDataException">An input column is missing or holds strings where a number is expected.</exception>
    public TransformedBatch Apply(RawTable table, string split = "input")
    {
        var columns = InputColumns.Select(name => table.Find(name) ?? throw new TrainingDataException(
            $"The transform reads column '{name}', which split '{split}' does not have; its columns are {table.ColumnList}.")).ToArray();
        var rows = new RawRows.Table(columns);
        int count = table.RowCount, slots = EmbeddedFeatures.Count;
        var dense = new float[(long)count * DenseWidth];
        var categorical = new long[(long)count * slots];
        for (int row = 0; row < count; row++)
        {
            var denseRow = dense.AsSpan(row * DenseWidth, DenseWidth);
            var categoricalRow = categorical.AsSpan(row * slots, slots);
            foreach (var feature in Features) feature.Write(rows, row, denseRow, categoricalRow);
        }
        return new TransformedBatch(count, DenseWidth, dense, slots, categorical);
    }

    /// <summary>Transforms one raw row, as a model server receives it: values by column name (string, long, int, double, float or null).</summary>
    /// <exception cref="TrainingDataException">A value has a type the feature cannot read.</exception>
    public TransformedBatch Apply(IReadOnlyDictionary<string, object?> row)
    {
        var values = InputColumns.Select(name => row.TryGetValue(name, out var value) ? value : null).ToArray();
        var rows = new RawRows.Single(InputColumns, values);
        int slots = EmbeddedFeatures.Count;
        var dense = new float[DenseWidth];
        var categorical = new long[slots];
        foreach (var feature in Features) feature.Write(rows, 0, dense, categorical);
        return new TransformedBatch(1, DenseWidth, dense, slots, categorical);
    }

    /// <summary>The MessagePack bytes of this payload.</summary>
    public byte[] Serialize() => MessagePackSerializer.Serialize(this);

    /// <summary>Reads a payload written by <see cref="Serialize"/>.</summary>
    public static FittedTransform Deserialize(ReadOnlyMemory<byte> bytes) => MessagePackSerializer.Deserialize<FittedTransform>(bytes);

    /// <summary>Writes the payload into a transform graph artifact.</summary>
    public async Task SaveAsync(TransformGraph artifact, CancellationToken cancellationToken)
    {
        await File.WriteAllBytesAsync(artifact.GetPath(FileName), Serialize(), cancellationToken);
        artifact.SetProperty("dense_width", DenseWidth);
        artifact.SetProperty("features", Features.Length);
    }

    /// <summary>Reads the payload of a transform graph artifact.</summary>
    public static async Task<FittedTransform> LoadAsync(TransformGraph artifact, CancellationToken cancellationToken) =>
        Deserialize(await File.ReadAllBytesAsync(artifact.GetPath(FileName), cancellationToken));
}
