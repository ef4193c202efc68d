using ILGPU;

namespace Millrace.Compute;

/// <summary>
/// The equal-width histogram kernel for ILGPU: one thread per value, a global atomic increment per value. The last
/// two counters are the underflow and overflow. The bucket formula is the one of
/// <see cref="EqualWidthHistogram.BucketOf"/>, so CPU and GPU agree exactly.
/// </summary>
internal static class IlgpuHistogramKernel
{
    public static void Run(Index1D index, ArrayView<double> values, ArrayView<long> counts, double low, double high, double scale)
    {
        double x = values[index];
        if (double.IsNaN(x)) return;
        int buckets = (int)counts.Length - 2;
        if (x < low) { Atomic.Add(ref counts[buckets], 1L); return; }
        if (x > high) { Atomic.Add(ref counts[buckets + 1], 1L); return; }
        int bucket = (int)((x - low) * scale);
        if (bucket > buckets - 1) bucket = buckets - 1;
        Atomic.Add(ref counts[bucket], 1L);
    }
}
