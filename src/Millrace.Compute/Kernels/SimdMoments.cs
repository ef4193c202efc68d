using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Millrace.Compute;

/// <summary>
/// The moments kernel on the CPU. The column is cut into L1-sized blocks; a block is read once from memory for the
/// sum, extremes and zeros, and a second time from L1 for the squared deviations from its own mean (the two-pass
/// algorithm, stable). Blocks merge with Chan's formula. A block that holds NaN or an infinity (its sum is not
/// finite) is redone by the scalar path, which counts them; clean data never pays for that.
/// </summary>
internal static class SimdMoments
{
    /// <summary>8 KiB of float64: stays in L1 between the two passes, long enough that merging costs nothing.</summary>
    private const int BlockLength = 1024;

    /// <summary>The moments of a column, in parallel over chunks on every core.</summary>
    public static MomentsState Compute(ReadOnlySpan<double> values) =>
        ParallelChunks.Reduce(values, ComputeSequential, MomentsState.Merge);

    /// <summary>The moments of a column on the calling thread.</summary>
    public static MomentsState ComputeSequential(ReadOnlySpan<double> values)
    {
        var state = MomentsState.Empty;
        for (int start = 0; start < values.Length; start += BlockLength)
        {
            var block = values.Slice(start, Math.Min(BlockLength, values.Length - start));
            state = MomentsState.Merge(state, Block(block));
        }
        return state;
    }

    private static MomentsState Block(ReadOnlySpan<double> block)
    {
        int width = Vector<double>.Count, unrolled = 4 * width, length = block.Length;
        ref double start = ref MemoryMarshal.GetReference(block);
        var sum0 = Vector<double>.Zero; var sum1 = sum0; var sum2 = sum0; var sum3 = sum0;
        var min0 = new Vector<double>(double.PositiveInfinity); var min1 = min0;
        var max0 = new Vector<double>(double.NegativeInfinity); var max1 = max0;
        var zeros = Vector<long>.Zero;
        int i = 0;
        for (; i <= length - unrolled; i += unrolled)
        {
            var v0 = Vector.LoadUnsafe(ref start, (nuint)i);
            var v1 = Vector.LoadUnsafe(ref start, (nuint)(i + width));
            var v2 = Vector.LoadUnsafe(ref start, (nuint)(i + 2 * width));
            var v3 = Vector.LoadUnsafe(ref start, (nuint)(i + 3 * width));
            sum0 += v0; sum1 += v1; sum2 += v2; sum3 += v3;
            min0 = Vector.MinNative(min0, Vector.MinNative(v0, v1));
            min1 = Vector.MinNative(min1, Vector.MinNative(v2, v3));
            max0 = Vector.MaxNative(max0, Vector.MaxNative(v0, v1));
            max1 = Vector.MaxNative(max1, Vector.MaxNative(v2, v3));
            // Equals gives all ones (−1) per matching lane, so subtracting counts.
            zeros -= (Vector.Equals(v0, Vector<double>.Zero) + Vector.Equals(v1, Vector<double>.Zero))
                   + (Vector.Equals(v2, Vector<double>.Zero) + Vector.Equals(v3, Vector<double>.Zero));
        }
        double sum = Vector.Sum((sum0 + sum1) + (sum2 + sum3));
        var minVector = Vector.MinNative(min0, min1);
        var maxVector = Vector.MaxNative(max0, max1);
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (int lane = 0; lane < width; lane++)
        {
            min = Math.Min(min, minVector[lane]);
            max = Math.Max(max, maxVector[lane]);
        }
        long zeroCount = Vector.Sum(zeros);
        for (; i < length; i++)
        {
            double x = Unsafe.Add(ref start, i);
            sum += x;
            if (x < min) min = x;
            if (x > max) max = x;
            if (x == 0) zeroCount++;
        }
        if (!double.IsFinite(sum)) return ScalarBlock(block);
        double mean = sum / length;
        return new MomentsState(length, 0, length, zeroCount, 0, 0, mean, SquaredDeviations(block, mean), min, max);
    }

    private static double SquaredDeviations(ReadOnlySpan<double> block, double mean)
    {
        int width = Vector<double>.Count, unrolled = 4 * width, length = block.Length;
        ref double start = ref MemoryMarshal.GetReference(block);
        var center = new Vector<double>(mean);
        var acc0 = Vector<double>.Zero; var acc1 = acc0; var acc2 = acc0; var acc3 = acc0;
        int i = 0;
        for (; i <= length - unrolled; i += unrolled)
        {
            var d0 = Vector.LoadUnsafe(ref start, (nuint)i) - center;
            var d1 = Vector.LoadUnsafe(ref start, (nuint)(i + width)) - center;
            var d2 = Vector.LoadUnsafe(ref start, (nuint)(i + 2 * width)) - center;
            var d3 = Vector.LoadUnsafe(ref start, (nuint)(i + 3 * width)) - center;
            acc0 = Vector.FusedMultiplyAdd(d0, d0, acc0);
            acc1 = Vector.FusedMultiplyAdd(d1, d1, acc1);
            acc2 = Vector.FusedMultiplyAdd(d2, d2, acc2);
            acc3 = Vector.FusedMultiplyAdd(d3, d3, acc3);
        }
        double m2 = Vector.Sum((acc0 + acc1) + (acc2 + acc3));
        for (; i < length; i++)
        {
            double d = Unsafe.Add(ref start, i) - mean;
            m2 += d * d;
        }
        return m2;
    }

    /// <summary>The slow, careful path for a block with NaN, infinities or a sum that overflows: Welford per value.</summary>
    internal static MomentsState ScalarBlock(ReadOnlySpan<double> block)
    {
        long count = 0, missing = 0, finite = 0, zeros = 0, positive = 0, negative = 0;
        double mean = 0, m2 = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double x in block)
        {
            if (double.IsNaN(x)) { missing++; continue; }
            count++;
            if (x < min) min = x;
            if (x > max) max = x;
            if (double.IsPositiveInfinity(x)) { positive++; continue; }
            if (double.IsNegativeInfinity(x)) { negative++; continue; }
            if (x == 0) zeros++;
            finite++;
            // Scaled deltas keep Welford finite for values near double.MaxValue.
            double delta = x / 2 - mean / 2;
            mean += 2 * (delta / finite);
            m2 += 4 * delta * ((x / 2) - (mean / 2));
        }
        return new MomentsState(count, missing, finite, zeros, positive, negative, mean, m2, min, max);
    }
}
