namespace Millrace.Compute.Tests;

public sealed class HistogramKernelTests
{
    private static readonly IColumnKernels Kernels = SimdColumnKernels.Instance;

    [Theory]
    [InlineData(0, 1, 10)]
    [InlineData(1, 2, 1)]
    [InlineData(5000, 3, 10)]
    [InlineData(200_000, 4, 37)]
    public void Equal_width_histogram_equals_the_obvious_bucketing(int length, int seed, int buckets)
    {
        var values = RandomColumns.Numeric(length, seed);
        // A range narrower than the data, so that under- and overflow are exercised as well.
        var (counts, under, over) = ExactReference.HistogramOf(values, -150, 170, buckets);
        var histogram = Kernels.Histogram(values, -150, 170, buckets);
        Assert.Equal(counts, histogram.Counts.ToArray());
        Assert.Equal((under, over), (histogram.Underflow, histogram.Overflow));
    }

    [Fact]
    public void The_upper_edge_falls_in_the_last_bucket_and_the_lower_edge_in_the_first()
    {
        var histogram = Kernels.Histogram([0.0, 10.0, 5.0, double.NaN], 0, 10, 4);
        Assert.Equal([1L, 0, 1, 1], histogram.Counts.ToArray());
    }

    [Fact]
    public void A_range_of_one_point_puts_the_values_equal_to_it_in_the_first_bucket()
    {
        var histogram = Kernels.Histogram([3.0, 3.0, 2.0, 4.0], 3, 3, 5);
        Assert.Equal([2L, 0, 0, 0, 0], histogram.Counts.ToArray());
        Assert.Equal((1L, 1L), (histogram.Underflow, histogram.Overflow));
    }

    [Fact]
    public void Merging_histograms_of_chunks_equals_the_histogram_of_the_whole_column()
    {
        var values = RandomColumns.Numeric(30_000, 8);
        var whole = Kernels.Histogram(values, -200, 200, 16);
        var merged = Kernels.Histogram(values.AsSpan(0, 12_345), -200, 200, 16);
        merged.Merge(Kernels.Histogram(values.AsSpan(12_345), -200, 200, 16));
        Assert.Equal(whole.Counts.ToArray(), merged.Counts.ToArray());
        Assert.Equal((whole.Underflow, whole.Overflow), (merged.Underflow, merged.Overflow));
    }

    [Fact]
    public void Histograms_over_different_ranges_refuse_to_merge()
    {
        var a = new EqualWidthHistogram(0, 1, 4);
        Assert.Throws<ArgumentException>(() => a.Merge(new EqualWidthHistogram(0, 2, 4)));
    }

    [Fact]
    public void Buckets_report_edges_that_tile_the_range()
    {
        var buckets = Kernels.Histogram([0.5, 1.5], 0, 2, 2).Buckets();
        Assert.Equal([new HistogramBucket(0, 1, 1), new HistogramBucket(1, 2, 1)], buckets);
    }
}
