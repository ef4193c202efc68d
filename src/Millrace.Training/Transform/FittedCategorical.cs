using MessagePack;

namespace Millrace.Training;

/// <summary>A categorical feature with its fitted vocabulary or quantile boundaries; an index, fed one-hot or to an embedding.</summary>
[MessagePackObject]
public sealed class FittedCategorical : FittedFeature
{
    private Dictionary<string, int>? _lookup;

    /// <summary>How values map to an index.</summary>
    [Key(10)] public required CategoricalKind Kind { get; init; }

    /// <summary>The vocabulary, most frequent first (vocabulary features only).</summary>
    [Key(11)] public string[] Vocabulary { get; init; } = [];

    /// <summary>Out-of-vocabulary buckets, or the hash/cross bucket count.</summary>
    [Key(12)] public required int Buckets { get; init; }

    /// <summary>Ascending quantile boundaries (bucketized features only).</summary>
    [Key(13)] public double[] Boundaries { get; init; } = [];

    /// <summary>How the index reaches the model.</summary>
    [Key(14)] public required CategoricalEncoding Encoding { get; init; }

    /// <summary>The embedding width for embedded features.</summary>
    [Key(15)] public required int EmbeddingDimension { get; init; }

    /// <summary>How many indices there are.</summary>
    [IgnoreMember]
    public int Cardinality => Kind switch
    {
        CategoricalKind.Vocabulary => Vocabulary.Length + Buckets,
        CategoricalKind.Bucketize => Boundaries.Length + 2,
        _ => Buckets,
    };

    /// <summary>The index of a row's value(s).</summary>
    internal int Index(RawRows rows, int row)
    {
        switch (Kind)
        {
            case CategoricalKind.Vocabulary:
                string? text = rows.Text(Inputs[0], row);
                _lookup ??= Vocabulary.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal);
                return text is not null && _lookup.TryGetValue(text, out int index) ? index : Vocabulary.Length + FeatureHash.Bucket(text, Buckets);
            case CategoricalKind.Hash:
                return FeatureHash.Bucket(rows.Text(Inputs[0], row), Buckets);
            case CategoricalKind.Cross:
                var parts = new string?[Inputs.Length];
                for (int i = 0; i < parts.Length; i++) parts[i] = rows.Text(Inputs[i], row);
                return FeatureHash.Bucket(string.Join('\u001F', parts), Buckets);
            default:
                double x = rows.Number(Inputs[0], row);
                if (double.IsNaN(x)) return Boundaries.Length + 1;
                int position = Array.BinarySearch(Boundaries, x);
                // Values equal to a boundary go to the bucket above it: [b(i-1), b(i)) is bucket i.
                if (position >= 0) { while (position + 1 < Boundaries.Length && Boundaries[position + 1] == x) position++; return position + 1; }
                return ~position;
        }
    }

    internal override void Write(RawRows rows, int row, Span<float> dense, Span<long> categorical)
    {
        int index = Index(rows, row);
        if (Encoding == CategoricalEncoding.OneHot) dense[DenseOffset + index] = 1f;
        else categorical[CategoricalSlot] = index;
    }
}
