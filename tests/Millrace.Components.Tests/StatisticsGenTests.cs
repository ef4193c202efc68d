using System.Text;
using Millrace.Components.Statistics;

namespace Millrace.Components.Tests;

/// <summary>Every statistic of the taxi data against a slow exact computation over the same split's rows.</summary>
public sealed class StatisticsGenTests(TaxiStatistics taxi) : IClassFixture<TaxiStatistics>
{
    private readonly Artifact _examples = taxi.Examples;
    private readonly DatasetStatistics _statistics = taxi.Statistics;

    [Fact]
    public async Task Counts_extremes_zeros_and_moments_of_numeric_features_match_an_exact_computation()
    {
        foreach (var split in _statistics.Splits)
        {
            var rows = await Outputs.RowsAsync(_examples, split.Name);
            Assert.Equal(rows.Count, split.RowCount);
            foreach (var feature in split.Features.Where(f => f.Numeric is not null))
            {
                var values = rows.Select(r => r[feature.Name] switch { long l => (double?)l, double d => d, _ => null }).ToList();
                var present = values.OfType<double>().ToArray();
                Assert.Equal(present.Length, feature.Count);
                Assert.Equal(values.Count - present.Length, feature.Missing);
                if (present.Length == 0) continue;
                var n = feature.Numeric!;
                Assert.Equal(present.Min(), n.Min);
                Assert.Equal(present.Max(), n.Max);
                Assert.Equal(present.Count(v => v == 0), n.Zeros);
                double mean = ExactMean(present);
                AssertRelative(mean, n.Mean, 1e-9, feature.Name);
                double std = Math.Sqrt(present.Select(v => (decimal)((v - mean) * (v - mean))).Sum() is var m2 ? (double)m2 / present.Length : 0);
                AssertRelative(std, n.StdDev, 1e-9, feature.Name);
            }
        }
    }

    [Fact]
    public async Task Median_and_quantiles_are_within_the_sketch_rank_error()
    {
        foreach (var split in _statistics.Splits)
        {
            var rows = await Outputs.RowsAsync(_examples, split.Name);
            foreach (var feature in split.Features.Where(f => f.Numeric is not null && f.Count > 0))
            {
                var sorted = rows.Select(r => r[feature.Name] switch { long l => (double?)l, double d => d, _ => null }).OfType<double>().Order().ToArray();
                var n = feature.Numeric!;
                double error = n.QuantileRankError + 1e-9;
                AssertRankWithin(sorted, 0.5, n.Median, error, feature.Name);
                for (int i = 0; i < n.QuantileFractions.Length; i++) AssertRankWithin(sorted, n.QuantileFractions[i], n.Quantiles[i], error, feature.Name);
                Assert.Equal(feature.Count, n.QuantileHistogram.Sum(b => b.Count));
            }
        }
    }

    [Fact]
    public async Task Equal_width_histograms_count_every_present_value_in_its_bucket()
    {
        var split = _statistics["train"];
        var rows = await Outputs.RowsAsync(_examples, "train");
        foreach (var feature in split.Features.Where(f => f.Numeric is { EqualWidthHistogram.Count: > 0 }))
        {
            var buckets = feature.Numeric!.EqualWidthHistogram;
            double low = buckets[0].Low, high = buckets[^1].High, scale = buckets.Count / (high - low);
            var expected = new double[buckets.Count];
            foreach (var v in rows.Select(r => r[feature.Name] switch { long l => (double?)l, double d => d, _ => null }).OfType<double>())
                expected[high > low ? Math.Min((int)((v - low) * scale), buckets.Count - 1) : 0]++;
            Assert.Equal(expected, buckets.Select(b => b.Count));
        }
    }

    [Fact]
    public async Task String_features_have_exact_unique_counts_top_values_and_average_length()
    {
        foreach (var split in _statistics.Splits)
        {
            var rows = await Outputs.RowsAsync(_examples, split.Name);
            foreach (var feature in split.Features.Where(f => f.String is not null))
            {
                var present = rows.Select(r => r[feature.Name] as string).OfType<string>().ToArray();
                var s = feature.String!;
                Assert.Equal(present.Length, feature.Count);
                Assert.Equal(rows.Count - present.Length, feature.Missing);
                Assert.True(s.UniqueIsExact);
                Assert.Equal(present.Distinct().Count(), s.Unique);
                var top = present.GroupBy(v => v).Select(g => new ValueFrequency(g.Key, g.LongCount()))
                    .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).Take(20);
                Assert.Equal(top, s.TopValues);
                AssertRelative(present.Length == 0 ? 0 : present.Average(v => Encoding.UTF8.GetByteCount(v)), s.AverageLength, 1e-12, feature.Name);
            }
        }
    }

    [Fact]
    public async Task Missing_counts_over_all_splits_match_a_plain_parse_of_the_csv()
    {
        var lines = await File.ReadAllLinesAsync(SharedData.Taxi);
        var header = PlainCsv.Split(lines[0]);
        var cells = lines.Skip(1).Select(PlainCsv.Split).ToList();
        for (int c = 0; c < header.Length; c++)
        {
            long missing = cells.LongCount(row => row[c].Length == 0);
            Assert.Equal(missing, _statistics.Splits.Sum(s => s.Find(header[c])!.Missing));
            Assert.Equal(cells.Count - missing, _statistics.Splits.Sum(s => s.Find(header[c])!.Count));
        }
    }

    private static double ExactMean(double[] values) => (double)(values.Select(v => (decimal)v).Sum() / values.Length);

    private static void AssertRelative(double expected, double actual, double tolerance, string feature) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Max(Math.Abs(expected), 1e-300) || expected == actual,
            $"{feature}: expected {expected:R}, got {actual:R}");

    /// <summary>The value's rank range in the sorted data must meet the wanted rank ± the sketch's error.</summary>
    private static void AssertRankWithin(double[] sorted, double fraction, double value, double error, string feature)
    {
        int below = LowerBound(sorted, value), atOrBelow = UpperBound(sorted, value);
        double wantedLow = (fraction - error) * sorted.Length, wantedHigh = (fraction + error) * sorted.Length;
        Assert.True(atOrBelow >= wantedLow - 1 && below <= wantedHigh + 1,
            $"{feature}: q{fraction} = {value} has rank [{below}, {atOrBelow}] of {sorted.Length}, outside {fraction} ± {error}");
    }

    private static int LowerBound(double[] sorted, double value)
    {
        int index = Array.BinarySearch(sorted, value);
        if (index < 0) return ~index;
        while (index > 0 && sorted[index - 1] == value) index--;
        return index;
    }

    private static int UpperBound(double[] sorted, double value)
    {
        int index = Array.BinarySearch(sorted, value);
        if (index < 0) return ~index;
        while (index + 1 < sorted.Length && sorted[index + 1] == value) index++;
        return index + 1;
    }
}
