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
            QuantileHistogram = any ? quantiles!.QuantileHistogram(settings.HistogramBuckets).Select(b => new Bucket(b.Low, b.High, b.Count)).ToList() : [],
        };
        return result;
    }

    private static List<ValueFrequency> Frequencies(IReadOnlyList<ValueCount> counts) => counts.Select(c => new ValueFrequency(c.Value, c.Count)).ToList();
}

/// <summary>StatisticsGen's parameters, as the summary needs them.</summary>
internal sealed record StatisticsSettings(int TopK, int MaxDomainValues, int HistogramBuckets, double[] QuantileFractions);
