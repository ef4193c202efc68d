using ILGPU;

namespace Millrace.Compute;

/// <summary>
/// The equal-width histogram kernels for ILGPU. The last two counters are the underflow and the overflow, and the
/// bucket formula is the one of <see cref="EqualWidthHistogram.BucketOf"/>, so CPU and GPU agree exactly.
/// </summary>
internal static class IlgpuHistogramKernel
{
    /// <summary>The most counters a group keeps in shared memory (32 KiB); more buckets use <see cref="RunGlobal"/>.</summary>
    public const int MaxSharedCounters = 4096;

    /// <summary>
    /// Explicitly grouped, grid stride: each group counts into its own counters in shared memory, then adds them to
    /// the global ones, so that a hundred million values cost a few thousand global atomics per group, not one each.
    /// </summary>
    public static void RunShared(ArrayView<double> values, ArrayView<long> counts, double low, double high, double scale)
    {
        var shared = SharedMemory.GetDynamic<long>();
        int counters = (int)counts.Length;
        for (int c = Group.IdxX; c < counters; c += Group.DimX) shared[c] = 0;
        Group.Barrier();
        long length = values.Length, stride = (long)Grid.DimX * Group.DimX;
        for (long i = (long)Grid.IdxX * Group.DimX + Group.IdxX; i < length; i += stride)
        {
            int counter = CounterOf(values[i], counters - 2, low, high, scale);
            if (counter >= 0) Atomic.Add(ref shared[counter], 1L);
        }
        Group.Barrier();
        for (int c = Group.IdxX; c < counters; c += Group.DimX)
            if (shared[c] != 0) Atomic.Add(ref counts[c], shared[c]);
    }

    /// <summary>One thread per value, one global atomic per value: for bucket counts too large for shared memory.</summary>
    public static void RunGlobal(Index1D index, ArrayView<double> values, ArrayView<long> counts, double low, double high, double scale)
    {
        int counter = CounterOf(values[index], (int)counts.Length - 2, low, high, scale);
        if (counter >= 0) Atomic.Add(ref counts[counter], 1L);
    }

    /// <summary>The counter of a value: its bucket, the underflow or the overflow; −1 for NaN (missing).</summary>
    private static int CounterOf(double x, int buckets, double low, double high, double scale)
    {
        if (double.IsNaN(x)) return -1;
        if (x < low) return buckets;
        if (x > high) return buckets + 1;
        int bucket = (int)((x - low) * scale);
        return bucket > buckets - 1 ? buckets - 1 : bucket;
    }
}
