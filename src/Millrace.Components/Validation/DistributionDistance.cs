using Millrace.Components.Statistics;

namespace Millrace.Components.Validation;

/// <summary>
/// Distances between a feature's distributions in two sets of statistics, as TFDV measures skew and drift:
/// L-infinity between value frequencies for string features, Jensen-Shannon divergence (base 2, in [0, 1])
/// between histograms for numeric features.
/// </summary>
public static class DistributionDistance
{
    /// <summary>The distance between two statistics of one feature, or <see langword="null"/> when either has no values.</summary>
    public static double? Between(FeatureStatistics a, FeatureStatistics b)
    {
        if (a.Count == 0 || b.Count == 0) return null;
        if (a.String is { } sa && b.String is { } sb) return LInfinity(Frequencies(sa, a.Count), Frequencies(sb, b.Count));
        if (a.Numeric is { } na && b.Numeric is { } nb) return JensenShannon(na.EqualWidthHistogram, nb.EqualWidthHistogram);
        return null;
    }

    /// <summary>The largest difference between the frequencies of any value.</summary>
    public static double LInfinity(IReadOnlyDictionary<string, double> p, IReadOnlyDictionary<string, double> q) =>
        p.Keys.Union(q.Keys).Select(v => Math.Abs(p.GetValueOrDefault(v) - q.GetValueOrDefault(v))).DefaultIfEmpty(0).Max();

    /// <summary>
    /// The Jensen-Shannon divergence between two histograms, after spreading both over one common grid of equal
    /// buckets (a bucket's count is spread evenly over its range; a one-point bucket goes where its point is).
    /// </summary>
    public static double JensenShannon(IReadOnlyList<Bucket> a, IReadOnlyList<Bucket> b, int gridBuckets = 100)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        double low = Math.Min(a[0].Low, b[0].Low), high = Math.Max(a[^1].High, b[^1].High);
        var p = Rebin(a, low, high, gridBuckets);
        var q = Rebin(b, low, high, gridBuckets);
        double divergence = 0;
        for (int i = 0; i < gridBuckets; i++)
        {
            double m = (p[i] + q[i]) / 2;
            if (p[i] > 0) divergence += 0.5 * p[i] * Math.Log2(p[i] / m);
            if (q[i] > 0) divergence += 0.5 * q[i] * Math.Log2(q[i] / m);
        }
        return Math.Clamp(divergence, 0, 1);
    }

    private static double[] Rebin(IReadOnlyList<Bucket> buckets, double low, double high, int grid)
    {
        var result = new double[grid];
        double width = (high - low) / grid, total = buckets.Sum(x => x.Count);
        if (total == 0) return result;
        int Cell(double x) => width == 0 ? 0 : Math.Clamp((int)((x - low) / width), 0, grid - 1);
        foreach (var bucket in buckets)
        {
            if (bucket.Count == 0) continue;
            if (bucket.High <= bucket.Low || width == 0) { result[Cell(bucket.Low)] += bucket.Count / total; continue; }
            for (int cell = Cell(bucket.Low); cell <= Cell(bucket.High); cell++)
            {
                double from = Math.Max(bucket.Low, low + cell * width), to = Math.Min(bucket.High, low + (cell + 1) * width);
                if (to > from) result[cell] += bucket.Count / total * (to - from) / (bucket.High - bucket.Low);
            }
        }
        return result;
    }

    /// <summary>Each value's share of the present values: every value when the domain is known, else the top values.</summary>
    private static Dictionary<string, double> Frequencies(StringStatistics statistics, long count) =>
        (statistics.Domain.Count > 0 ? statistics.Domain : statistics.TopValues).ToDictionary(v => v.Value, v => (double)v.Count / count);
}
