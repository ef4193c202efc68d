namespace Millrace.Compute.Tests;

/// <summary>Slow, obvious implementations that the kernels are checked against.</summary>
internal static class ExactReference
{
    public sealed record Moments(long Count, long Missing, long Finite, long Zeros, long PositiveInfinities,
        long NegativeInfinities, double Mean, double Variance, double Min, double Max);

    public static Moments MomentsOf(IReadOnlyList<double> values)
    {
        var present = values.Where(x => !double.IsNaN(x)).ToList();
        var finite = present.Where(double.IsFinite).ToList();
        double mean = finite.Count == 0 ? 0 : CompensatedSum(finite) / finite.Count;
        double variance = finite.Count == 0 ? double.NaN : CompensatedSum(finite.Select(x => (x - mean) * (x - mean)).ToList()) / finite.Count;
        return new Moments(present.Count, values.Count - present.Count, finite.Count, finite.Count(x => x == 0),
            present.Count(double.IsPositiveInfinity), present.Count(double.IsNegativeInfinity), mean, variance,
            present.Count == 0 ? double.PositiveInfinity : present.Min(), present.Count == 0 ? double.NegativeInfinity : present.Max());
    }

    /// <summary>Neumaier's compensated sum: exact to about one rounding.</summary>
    public static double CompensatedSum(IReadOnlyList<double> values)
    {
        double sum = 0, compensation = 0;
        foreach (double x in values)
        {
            double t = sum + x;
            compensation += Math.Abs(sum) >= Math.Abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
        }
        return sum + compensation;
    }

    /// <summary>Bucket i holds low + i·w ≤ x &lt; low + (i+1)·w, the last bucket also x = high; computed by comparisons, not the kernel's formula.</summary>
    public static (long[] Counts, long Underflow, long Overflow) HistogramOf(IReadOnlyList<double> values, double low, double high, int buckets)
    {
        var counts = new long[buckets];
        long under = 0, over = 0;
        foreach (double x in values)
        {
            if (double.IsNaN(x)) continue;
            if (x < low) { under++; continue; }
            if (x > high) { over++; continue; }
            int bucket = high == low ? 0 : (int)Math.Floor((x - low) / (high - low) * buckets);
            counts[Math.Min(bucket, buckets - 1)]++;
        }
        return (counts, under, over);
    }

    /// <summary>The number of values strictly below and at-or-below <paramref name="x"/> in a sorted array.</summary>
    public static (long Below, long AtOrBelow) RankRange(double[] sorted, double x)
    {
        int lower = LowerBound(sorted, x), upper = lower;
        while (upper < sorted.Length && sorted[upper] == x) upper++;
        return (lower, upper);
    }

    private static int LowerBound(double[] sorted, double x)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (sorted[mid] < x) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>The lower empirical quantile: the value at sorted index ⌈q·n⌉ − 1.</summary>
    public static double QuantileOf(double[] sorted, double q) =>
        q == 0 ? sorted[0] : sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
