using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Millrace.Compute;

/// <summary>
/// The equal-width histogram kernel on the CPU: one multiply and one truncation per value, with a single compare
/// deciding the fast path; NaN, infinities, out-of-range values and the closed upper edge fall to
/// <see cref="EqualWidthHistogram.Add"/>. Each chunk fills its own histogram; they merge by adding counts.
/// </summary>
internal static class SimdHistogram
{
    public static EqualWidthHistogram Compute(ReadOnlySpan<double> values, double low, double high, int bucketCount) =>
        ParallelChunks.Reduce(values, chunk => ComputeSequential(chunk, low, high, bucketCount), (a, b) => { a.Merge(b); return a; });

    public static EqualWidthHistogram ComputeSequential(ReadOnlySpan<double> values, double low, double high, int bucketCount)
    {
        var histogram = new EqualWidthHistogram(low, high, bucketCount);
        Span<long> counts = histogram.MutableCounts;
        ref long count0 = ref MemoryMarshal.GetReference(counts);
        double scale = histogram.Scale, buckets = bucketCount;
        foreach (double x in values)
        {
            double t = (x - low) * scale;
            // False for NaN, out of the range and the closed last edge: those take the careful path.
            if (x >= low && x <= high && t < buckets) Unsafe.Add(ref count0, (int)t)++;
            else histogram.Add(x);
        }
        return histogram;
    }
}
