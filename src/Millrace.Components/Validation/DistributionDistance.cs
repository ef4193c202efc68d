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
        if (a.Numeric is { } na && b.Numeric is { } nb) return JensenShannon(na.DistributionHistogram, nb.DistributionHistogram);
        return null;
    }

    /// <summary>The largest difference between the frequencies of any value.</summary>
    public static double LInfinity(IReadOnlyDictionary<string, double> p, IReadOnlyDictionary<string, double> q) =>
        p.Keys.Union(q.Keys).Select(v => Math.Abs(p.GetValueOrDefault(v) - q.GetValueOrDefault(v))).DefaultIfEmpty(0).Max();

    /// <summary>
    /// The Jensen-Shannon divergence between two histograms (fine quantile histograms in statistics: robust to outliers that
    /// would squash an equal-width one). Both are read as piecewise-uniform distributions (a one-point bucket is a
    /// point mass) and compared over the union of their bucket edges.
    /// </summary>
    public static double JensenShannon(IReadOnlyList<Bucket> a, IReadOnlyList<Bucket> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var edges = a.SelectMany(x => new[] { x.Low, x.High }).Concat(b.SelectMany(x => new[] { x.Low, x.High })).Distinct().Order().ToArray();
        double totalA = a.Sum(x => x.Count), totalB = b.Sum(x => x.Count);
        if (totalA == 0 || totalB == 0) return 0;
        double divergence = 0, previousA = 0, previousB = 0;
        foreach (double edge in edges)
        {
            double cdfA = Cumulative(a, edge) / totalA, cdfB = Cumulative(b, edge) / totalB;
            divergence += Term(cdfA - previousA, cdfB - previousB);
            (previousA, previousB) = (cdfA, cdfB);
        }
        return Math.Clamp(divergence, 0, 1);
    }

    private static double Term(double p, double q)
    {
        p = Math.Max(p, 0);
        q = Math.Max(q, 0);
        double m = (p + q) / 2, term = 0;
        if (p > 0) term += 0.5 * p * Math.Log2(p / m);
        if (q > 0) term += 0.5 * q * Math.Log2(q / m);
        return term;
    }

    /// <summary>The count at or below <paramref name="x"/>, spreading each bucket evenly over its range.</summary>
    private static double Cumulative(IReadOnlyList<Bucket> buckets, double x)
    {
        double sum = 0;
        foreach (var bucket in buckets)
        {
            if (x >= bucket.High) sum += bucket.Count; // a one-point bucket is a step at its value
            else if (x > bucket.Low) sum += bucket.Count * (x - bucket.Low) / (bucket.High - bucket.Low);
        }
        return sum;
    }

    /// <summary>Each value's share of the present values: every value when the domain is known, else the top values.</summary>
    private static Dictionary<string, double> Frequencies(StringStatistics statistics, long count) =>
        (statistics.Domain.Count > 0 ? statistics.Domain : statistics.TopValues).ToDictionary(v => v.Value, v => (double)v.Count / count);
}
