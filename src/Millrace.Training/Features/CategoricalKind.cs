namespace Millrace.Training;

/// <summary>How a categorical feature maps raw values to an index.</summary>
public enum CategoricalKind
{
    /// <summary>The top-k most frequent training values, then out-of-vocabulary buckets by hash.</summary>
    Vocabulary,

    /// <summary>A stable hash of the value modulo a bucket count.</summary>
    Hash,

    /// <summary>A stable hash of several columns' values together modulo a bucket count.</summary>
    Cross,

    /// <summary>The quantile bucket of a number, with boundaries from the training split; one more index for missing.</summary>
    Bucketize,
}
