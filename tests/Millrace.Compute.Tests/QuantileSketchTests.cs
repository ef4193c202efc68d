namespace Millrace.Compute.Tests;

public sealed class QuantileSketchTests
{
    private static readonly double[] Fractions = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99];

    [Fact]
    public void Quantiles_are_exact_while_the_sketch_holds_every_value()
    {
        var values = RandomColumns.Numeric(150, 41).Where(x => !double.IsNaN(x)).ToArray();
        var sketch = SimdColumnKernels.Instance.Quantiles(values);
        Assert.True(sketch.IsExact);
        var sorted = values.Order().ToArray();
        foreach (double q in Fractions.Append(0).Append(1))
            Assert.Equal(ExactReference.QuantileOf(sorted, q), sketch.Quantile(q));
    }

    [Theory]
    [InlineData(200_000, 42, 200)]
    [InlineData(100_000, 43, 64)]
    public void Quantiles_of_a_large_column_are_within_the_stated_rank_error(int length, int seed, int k)
    {
        var values = RandomColumns.Numeric(length, seed);
        var sketch = SimdColumnKernels.Instance.Quantiles(values, k);
        AssertWithinRankError(values, sketch);
    }

    [Fact]
    public void Merging_sketches_of_chunks_stays_within_the_stated_rank_error()
    {
        var values = RandomColumns.Numeric(120_000, 44);
        var merged = new KllSketch();
        for (int start = 0; start < values.Length; start += 7_000)
        {
            var part = new KllSketch();
            part.AddRange(values.AsSpan(start, Math.Min(7_000, values.Length - start)));
            merged.Merge(part);
        }
        Assert.Equal(values.Count(x => !double.IsNaN(x)), merged.Count);
        AssertWithinRankError(values, merged);
    }

    [Fact]
    public void Merging_exact_sketches_gives_the_exact_quantiles_of_the_union()
    {
        var a = new KllSketch();
        var b = new KllSketch();
        a.AddRange([5, 1, 3]);
        b.AddRange([2, 4]);
        a.Merge(b);
        Assert.Equal((3.0, 1.0, 5.0), (a.Median, a.Quantile(0), a.Quantile(1)));
    }

    [Fact]
    public void An_empty_sketch_has_no_quantiles_and_a_single_value_is_every_quantile()
    {
        Assert.True(double.IsNaN(new KllSketch().Median));
        var single = new KllSketch();
        single.Add(7);
        Assert.Equal([7.0, 7.0, 7.0], single.Quantiles(0, 0.5, 1));
    }

    [Fact]
    public void Quantile_histogram_buckets_cover_the_column_and_split_it_evenly()
    {
        var values = RandomColumns.Clean(100_000, 45);
        var sketch = SimdColumnKernels.Instance.Quantiles(values);
        var buckets = sketch.QuantileHistogram(10);
        Assert.Equal(values.Length, buckets.Sum(b => b.Count));
        Assert.Equal(values.Min(), buckets[0].Low);
        Assert.Equal(values.Max(), buckets[^1].High);
        double tolerance = 2 * sketch.NormalizedRankError * values.Length;
        Assert.All(buckets, b => Assert.InRange(b.Count, values.Length / 10.0 - tolerance, values.Length / 10.0 + tolerance));
    }

    private static void AssertWithinRankError(double[] values, KllSketch sketch)
    {
        var sorted = values.Where(x => !double.IsNaN(x)).Order().ToArray();
        Assert.False(sketch.IsExact);
        double allowed = sketch.NormalizedRankError * sorted.Length;
        foreach (double q in Fractions)
        {
            var (below, atOrBelow) = ExactReference.RankRange(sorted, sketch.Quantile(q));
            double target = q * sorted.Length;
            double error = target < below ? below - target : target > atOrBelow ? target - atOrBelow : 0;
            Assert.True(error <= allowed, $"q={q}: rank error {error} > {allowed}");
        }
    }
}
