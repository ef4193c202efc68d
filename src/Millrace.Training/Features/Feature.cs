namespace Millrace.Training;

/// <summary>Factories for feature specs: <c>Feature.Numeric("fare").Log1P().ZScore()</c>, <c>Feature.Vocabulary("company", 50).Embedding(8)</c>.</summary>
public static class Feature
{
    /// <summary>A number from a column; chain imputation, log, clipping and scaling.</summary>
    public static NumericFeature Numeric(string column) => new(column);

    /// <summary>The <paramref name="topK"/> most frequent training values of a column, then <paramref name="oovBuckets"/> hashed buckets for the rest.</summary>
    public static CategoricalFeature Vocabulary(string column, int topK, int oovBuckets = 1) =>
        oovBuckets >= 1 ? new(column, [column], CategoricalKind.Vocabulary, topK, oovBuckets)
        : throw new ArgumentOutOfRangeException(nameof(oovBuckets), $"The vocabulary of '{column}' needs at least one out-of-vocabulary bucket.");

    /// <summary>A stable hash of a column's value into <paramref name="buckets"/> buckets.</summary>
    public static CategoricalFeature Hash(string column, int buckets) => new(column, [column], CategoricalKind.Hash, buckets, 0);

    /// <summary>A stable hash of several columns' values together into <paramref name="buckets"/> buckets.</summary>
    public static CategoricalFeature Cross(int buckets, params string[] columns) =>
        columns.Length >= 2 ? new(string.Join("_x_", columns), columns, CategoricalKind.Cross, buckets, 0)
        : throw new ArgumentException("A cross needs at least two columns.", nameof(columns));

    /// <summary>The quantile bucket of a number, with <paramref name="buckets"/> buckets fitted on the training split.</summary>
    public static CategoricalFeature Bucketize(string column, int buckets) => new(column, [column], CategoricalKind.Bucketize, buckets, 0);
}
