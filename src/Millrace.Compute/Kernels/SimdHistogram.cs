using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Millrace.Compute;

/// <summary>
/// The equal-width histogram kernel on the CPU. A vector of values is placed with one subtract, one multiply and
/// one truncation; when every lane is inside the range (one mask test) the lanes are counted into one of
/// <see cref="Lanes"/> private count arrays each, so that equal neighbours do not wait on each other's store.
/// Lanes with NaN, infinities, out-of-range values or the closed last edge fall to
/// <see cref="EqualWidthHistogram.Add(double)"/>. Each chunk fills its own histogram; they merge by adding counts.
/// </summary>
internal static class SimdHistogram
{
    private static readonly int Lanes = Vector<double>.Count;

    public static EqualWidthHistogram Compute(ReadOnlySpan<double> values, double low, double high, int bucketCount) =>
        ParallelChunks.Reduce(values, chunk => ComputeSequential(chunk, low, high, bucketCount), (a, b) => { a.Merge(b); return a; });

    public static EqualWidthHistogram ComputeSequential(ReadOnlySpan<double> values, double low, double high, int bucketCount)
    {
        var histogram = new EqualWidthHistogram(low, high, bucketCount);
        double scale = histogram.Scale;
        var laneCounts = new long[Lanes * bucketCount];
        ref long counts0 = ref MemoryMarshal.GetArrayDataReference(laneCounts);
        ref double start = ref MemoryMarshal.GetReference(values);
        var lowVector = new Vector<double>(low);
        var highVector = new Vector<double>(high);
        var scaleVector = new Vector<double>(scale);
        var bucketsVector = new Vector<double>(bucketCount);
        int i = 0;
        for (; i <= values.Length - Lanes; i += Lanes)
        {
            var x = Vector.LoadUnsafe(ref start, (nuint)i);
            var t = (x - lowVector) * scaleVector;
            var inside = Vector.GreaterThanOrEqual(x, lowVector) & Vector.LessThanOrEqual(x, highVector) & Vector.LessThan(t, bucketsVector);
            if (Vector.EqualsAll(inside, Vector<long>.AllBitsSet))
            {
                var bucket = Vector.ConvertToInt64(t);
                for (int lane = 0; lane < Lanes; lane++) Unsafe.Add(ref counts0, lane * bucketCount + (int)bucket[lane])++;
            }
            else
            {
                for (int lane = 0; lane < Lanes; lane++) histogram.Add(x[lane]);
            }
        }
        for (; i < values.Length; i++) histogram.Add(values[i]);
        var counts = histogram.MutableCounts;
        for (int lane = 0; lane < Lanes; lane++)
            for (int b = 0; b < bucketCount; b++) counts[b] += laneCounts[lane * bucketCount + b];
        return histogram;
    }
}
