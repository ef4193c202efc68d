namespace Millrace.Compute;

/// <summary>
/// The statistics kernels over one column. Every result is a mergeable partial state: summarise chunks, row groups
/// or splits separately and merge them. Get an implementation from <see cref="ColumnKernels.Create"/>.
/// </summary>
public interface IColumnKernels : IDisposable
{
    /// <summary>Where the kernels run, for logs ("cpu-simd", "cuda: NVIDIA H100 …").</summary>
    string Name { get; }

    /// <summary>Count, missing (NaN), zeros, infinities, mean, M2, min and max of a float64 column.</summary>
    MomentsState Moments(ReadOnlySpan<double> values);

    /// <summary>An equal-width histogram of a float64 column over [<paramref name="low"/>, <paramref name="high"/>].</summary>
    EqualWidthHistogram Histogram(ReadOnlySpan<double> values, double low, double high, int bucketCount);

    /// <summary>A KLL quantile sketch of a float64 column (median, quantiles, quantile histograms).</summary>
    KllSketch Quantiles(ReadOnlySpan<double> values, int k = KllSketch.DefaultK);

    /// <summary>The statistics of a dictionary-encoded string column; a negative code is a missing value.</summary>
    StringSketch Strings(ReadOnlySpan<int> codes, IReadOnlyList<string> dictionary);

    /// <summary>The statistics of a column of UTF-8 strings stored back to back.</summary>
    StringSketch Strings(Utf8Column column);
}
