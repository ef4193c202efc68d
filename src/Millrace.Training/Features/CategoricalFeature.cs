namespace Millrace.Training;

/// <summary>
/// A feature whose value is an index: from a vocabulary, a hash, a cross of columns or quantile buckets; fed to the
/// model as a one-hot block or an embedding index. Build one with <see cref="Feature"/>.
/// </summary>
public sealed record CategoricalFeature : FeatureSpec
{
    internal CategoricalFeature(string name, IReadOnlyList<string> columns, CategoricalKind kind, int size, int oovBuckets)
        : base(name, columns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(oovBuckets);
        Kind = kind;
        Size = size;
        OovBuckets = oovBuckets;
    }

    /// <summary>How values map to an index.</summary>
    public CategoricalKind Kind { get; }

    /// <summary>The vocabulary's top-k, the hash or cross bucket count, or the quantile bucket count.</summary>
    public int Size { get; }

    /// <summary>Out-of-vocabulary buckets of a vocabulary (at least one: unseen and missing values land there).</summary>
    public int OovBuckets { get; }

    /// <summary>How the index reaches the model.</summary>
    public CategoricalEncoding Encoding { get; init; } = CategoricalEncoding.OneHot;

    /// <summary>The embedding width when <see cref="Encoding"/> is <see cref="CategoricalEncoding.Embedding"/>.</summary>
    public int EmbeddingDimension { get; init; }

    /// <summary>Feeds the index as a one-hot block.</summary>
    public CategoricalFeature OneHot() => this with { Encoding = CategoricalEncoding.OneHot, EmbeddingDimension = 0 };

    /// <summary>Feeds the index to an embedding of <paramref name="dimension"/> values.</summary>
    public CategoricalFeature Embedding(int dimension) => dimension >= 1
        ? this with { Encoding = CategoricalEncoding.Embedding, EmbeddingDimension = dimension }
        : throw new ArgumentOutOfRangeException(nameof(dimension), $"The embedding of '{Name}' needs a dimension of at least 1.");
}
