namespace Millrace.Compute;

/// <summary>
/// The default kernels: SIMD (<see cref="System.Numerics.Vector{T}"/>) loops over spans, several accumulators,
/// no allocation per row, parallel over one chunk per core with mergeable partial states.
/// </summary>
public sealed class SimdColumnKernels : IColumnKernels
{
    /// <summary>The one instance; it holds no resources.</summary>
    public static SimdColumnKernels Instance { get; } = new();

    private SimdColumnKernels() { }

    /// <inheritdoc/>
    public string Name => $"cpu-simd ({System.Numerics.Vector<double>.Count}×f64, {Environment.ProcessorCount} cores)";

    /// <inheritdoc/>
    public MomentsState Moments(ReadOnlySpan<double> values) => SimdMoments.Compute(values);

    /// <inheritdoc/>
    public EqualWidthHistogram Histogram(ReadOnlySpan<double> values, double low, double high, int bucketCount) =>
        SimdHistogram.Compute(values, low, high, bucketCount);

    /// <inheritdoc/>
    public KllSketch Quantiles(ReadOnlySpan<double> values, int k = KllSketch.DefaultK) =>
        ParallelChunks.Reduce(values, chunk =>
        {
            var sketch = new KllSketch(k);
            sketch.AddRange(chunk);
            return sketch;
        }, (a, b) => { a.Merge(b); return a; });

    /// <inheritdoc/>
    public StringSketch Strings(ReadOnlySpan<int> codes, IReadOnlyList<string> dictionary) => StringKernels.Summarise(codes, dictionary);

    /// <inheritdoc/>
    public StringSketch Strings(Utf8Column column) => StringKernels.Summarise(column);

    /// <summary>Nothing to release.</summary>
    public void Dispose() { }
}
