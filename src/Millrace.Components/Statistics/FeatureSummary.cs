using Millrace.Compute;
using Millrace.Compute.IO;

namespace Millrace.Components.Statistics;

/// <summary>Turns a feature's merged partial states into its <see cref="FeatureStatistics"/>.</summary>
internal static class FeatureSummary
{
    public static FeatureStatistics Build(FeatureAccumulator feature, EqualWidthHistogram? histogram, StatisticsSettings settings)
    {
        var result = new FeatureStatistics { Name = feature.Name, Type = feature.Type.ToString() };
        if (feature.Type == ColumnType.String)
        {
            var sketch = feature.Strings;
            result.Count = sketch?.Count ?? 0;
            result.Missing = sketch?.Missing ?? 0;
            bool exact = sketch?.IsExact ?? true;
            long unique = sketch?.DistinctCount ?? 0;
            result.String = new StringStatistics
            {
                Unique = unique,
                UniqueIsExact = exact,
                TopValues = sketch is null ? [] : Frequencies(sketch.TopK(settings.TopK)),
                Domain = sketch is not null && exact && unique <= settings.MaxDomainValues ? Frequencies(sketch.TopK((int)unique)) : [],
                AverageLength = sketch is { Count: > 0 } ? sketch.AverageLength : 0,
            };
            return result;
        }
        var moments = feature.Moments;
        var quantiles = feature.Quantiles;
        result.Count = moments.Count;
        result.Missing = moments.Missing;
        bool any = moments.Count > 0 && quantiles is { Count: > 0 };
        result.Numeric = new NumericStatistics
        {
            Mean = moments.FiniteCount == 0 ? double.NaN : moments.Mean,
            StdDev = moments.StandardDeviation,
            Min = moments.Count == 0 ? double.NaN : moments.Min,
            Max = moments.Count == 0 ? double.NaN : moments.Max,
            Zeros = moments.Zeros,
            NaNs = feature.NaNs,
            Infinities = moments.PositiveInfinities + moments.NegativeInfinities,
            Median = any ? quantiles!.Median : double.NaN,
            QuantileFractions = settings.QuantileFractions,
            Quantiles = any ? quantiles!.Quantiles(settings.QuantileFractions) : settings.QuantileFractions.Select(_ => double.NaN).ToArray(),
            QuantileRankError = quantiles?.NormalizedRankError ?? 0,
            EqualWidthHistogram = histogram is null ? [] : histogram.Buckets().Select(b => new Bucket(b.Low, b.High, b.Count)).ToList(),
            QuantileHistogram = any ? Buckets(quantiles!, settings.HistogramBuckets) : [],
            DistributionHistogram = any ? WithPointMasses(quantiles!, DistributionBuckets) : [],
        };
        return result;
    }

    /// <summary>The buckets of <see cref="NumericStatistics.DistributionHistogram"/>.</summary>
    public const int DistributionBuckets = 100;

    private static List<Bucket> Buckets(KllSketch sketch, int count) =>
        sketch.QuantileHistogram(count).Where(b => b.Count > 0).Select(b => new Bucket(b.Low, b.High, b.Count)).ToList();

    /// <summary>
    /// A quantile histogram whose repeated values are split out as one-point buckets: a bucket (l, h] keeps the
    /// mass strictly inside it and the mass at exactly h, when it is most of the bucket, becomes (h, h). A discrete feature (counts, codes, rounded
    /// coordinates) then compares as steps at its values instead of being smeared across each bucket.
    /// </summary>
    private static List<Bucket> WithPointMasses(KllSketch sketch, int count)
    {
        var result = new List<Bucket>();
        var buckets = sketch.QuantileHistogram(count);
        for (int i = 0; i < buckets.Count; i++)
        {
            var (low, high, total) = (buckets[i].Low, buckets[i].High, buckets[i].Count);
            if (i == 0 && sketch.Rank(low) is > 0 and var atLow)
            {
                result.Add(new Bucket(low, low, atLow));
                total -= atLow;
            }
            if (total <= 0) continue;
            double atHigh = high > low ? Math.Min(total, sketch.Rank(high) - sketch.Rank(Math.BitDecrement(high))) : total;
            // A small atom is sampling noise at this resolution; smearing it keeps many-valued features smooth.
            if (atHigh < total / 2) atHigh = 0;
            if (total - atHigh > 0) result.Add(new Bucket(low, high, total - atHigh));
            if (atHigh > 0) result.Add(new Bucket(high, high, atHigh));
        }
        return result;
    }

    private static List<ValueFrequency> Frequencies(IReadOnlyList<ValueCount> counts) => counts.Select(c => new ValueFrequency(c.Value, c.Count)).ToList();
}

/// <summary>StatisticsGen's parameters, as the summary needs them.</summary>
internal sealed record StatisticsSettings(int TopK, int MaxDomainValues, int HistogramBuckets, double[] QuantileFractions);
