using System.Globalization;

namespace Millrace.Compute.Tests;

/// <summary>Every kernel on the real Chicago taxi sample, against the slow exact computations.</summary>
public sealed class TaxiDataTests
{
    private static readonly Lazy<(string[] Header, string[][] Rows)> Taxi = new(() =>
    {
        // The file has no quoted fields (checked by the first test), so a split is an exact parse.
        var lines = File.ReadAllLines(SharedData.PathOf("taxi/taxi_big_tipper_label.csv"));
        return (lines[0].Split(','), lines.Skip(1).Select(l => l.Split(',')).ToArray());
    });

    public static TheoryData<string> NumericColumns => new() { "fare", "trip_miles", "trip_seconds", "pickup_latitude", "dropoff_longitude", "tips", "trip_start_timestamp" };

    public static TheoryData<string> StringColumns => new() { "company", "payment_type" };

    [Fact]
    public void The_taxi_sample_has_its_documented_shape_and_no_quotes()
    {
        var (header, rows) = Taxi.Value;
        Assert.Equal((19, 15_002), (header.Length, rows.Length));
        Assert.All(rows, r => Assert.Equal(19, r.Length));
    }

    [Theory]
    [MemberData(nameof(NumericColumns))]
    public void Moments_of_a_taxi_column_equal_the_exact_computation(string name)
    {
        var values = Numeric(name);
        MomentsAssert.Equal(ExactReference.MomentsOf(values), SimdColumnKernels.Instance.Moments(values));
    }

    [Theory]
    [MemberData(nameof(NumericColumns))]
    public void Histogram_and_quantiles_of_a_taxi_column_match_the_exact_ones(string name)
    {
        var values = Numeric(name);
        var sorted = values.Where(x => !double.IsNaN(x)).Order().ToArray();
        var histogram = SimdColumnKernels.Instance.Histogram(values, sorted[0], sorted[^1], 10);
        Assert.Equal(ExactReference.HistogramOf(values, sorted[0], sorted[^1], 10).Counts, histogram.Counts.ToArray());
        var sketch = SimdColumnKernels.Instance.Quantiles(values);
        double allowed = sketch.NormalizedRankError * sorted.Length;
        foreach (double q in new[] { 0.1, 0.25, 0.5, 0.75, 0.9 })
        {
            var (below, atOrBelow) = ExactReference.RankRange(sorted, sketch.Quantile(q));
            double target = q * sorted.Length;
            Assert.True(target >= below - allowed && target <= atOrBelow + allowed, $"{name} q={q}: ranks [{below}, {atOrBelow}] vs {target} ± {allowed}");
        }
    }

    [Theory]
    [MemberData(nameof(StringColumns))]
    public void String_statistics_of_a_taxi_column_equal_the_exact_counts(string name)
    {
        int column = Array.IndexOf(Taxi.Value.Header, name);
        var cells = Taxi.Value.Rows.Select(r => r[column]).ToArray();
        var dictionary = cells.Where(c => c.Length > 0).Distinct().ToArray();
        var index = dictionary.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i);
        var codes = cells.Select(c => c.Length == 0 ? -1 : index[c]).ToArray();
        var sketch = SimdColumnKernels.Instance.Strings(codes, dictionary);
        var present = cells.Where(c => c.Length > 0).ToArray();
        Assert.Equal((present.Length, cells.Length - present.Length, dictionary.Length), ((int)sketch.Count, (int)sketch.Missing, (int)sketch.DistinctCount));
        var top = present.GroupBy(c => c).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(5)
            .Select(g => new ValueCount(g.Key, g.Count()));
        Assert.Equal(top, sketch.TopK(5));
    }

    private static double[] Numeric(string name)
    {
        int column = Array.IndexOf(Taxi.Value.Header, name);
        Assert.True(column >= 0, $"no column {name}");
        return Taxi.Value.Rows.Select(r => r[column].Length == 0 ? double.NaN : double.Parse(r[column], CultureInfo.InvariantCulture)).ToArray();
    }
}
