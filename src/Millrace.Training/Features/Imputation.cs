namespace Millrace.Training;

/// <summary>How a numeric feature fills a missing value.</summary>
public enum Imputation
{
    /// <summary>Not filled: a missing value becomes 0 after scaling (the mean, under z-scoring).</summary>
    None,

    /// <summary>The mean of the training split.</summary>
    Mean,

    /// <summary>The median of the training split.</summary>
    Median,

    /// <summary>A constant given in the spec.</summary>
    Constant,
}
