namespace Millrace.Compute.Tests;

public sealed class MomentsKernelTests
{
    private static readonly IColumnKernels Kernels = SimdColumnKernels.Instance;

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 2)]
    [InlineData(31, 3)]
    [InlineData(1023, 4)]
    [InlineData(1025, 5)]
    [InlineData(5000, 6)]
    [InlineData(200_003, 7)]
    public void Moments_equal_the_exact_computation_on_random_columns_with_nan_infinities_and_zeros(int length, int seed)
    {
        var values = RandomColumns.Numeric(length, seed, offset: 1000);
        MomentsAssert.Equal(ExactReference.MomentsOf(values), Kernels.Moments(values));
    }

    [Theory]
    [InlineData(4096, 11)]
    [InlineData(300_000, 12)]
    public void Moments_of_clean_columns_take_the_fast_path_and_equal_the_exact_computation(int length, int seed)
    {
        var values = RandomColumns.Clean(length, seed, offset: 250);
        MomentsAssert.Equal(ExactReference.MomentsOf(values), Kernels.Moments(values));
    }

    [Fact]
    public void Zeros_are_counted_in_clean_blocks_and_in_their_tails()
    {
        var random = new Random(13);
        var values = Enumerable.Range(0, 10_007).Select(_ => (double)random.Next(-3, 4)).ToArray();
        MomentsAssert.Equal(ExactReference.MomentsOf(values), Kernels.Moments(values));
    }

    [Fact]
    public void Rare_missing_values_and_infinities_mixed_with_clean_blocks_are_all_counted()
    {
        var values = RandomColumns.Numeric(300_000, 14, offset: 80, specialFraction: 0.0002);
        MomentsAssert.Equal(ExactReference.MomentsOf(values), Kernels.Moments(values));
    }

    [Fact]
    public void Standard_deviation_stays_accurate_for_values_with_a_large_offset()
    {
        // Sum of squares minus squared sum would lose every digit here; the two-pass blocks must not.
        var values = RandomColumns.Clean(100_000, 21, offset: 1e9);
        MomentsAssert.Equal(ExactReference.MomentsOf(values), Kernels.Moments(values));
    }

    [Fact]
    public void Moments_of_an_empty_column_count_nothing_and_have_no_mean()
    {
        var state = Kernels.Moments([]);
        Assert.Equal(0, state.TotalCount);
        Assert.Equal(double.PositiveInfinity, state.Min);
        Assert.Equal(double.NegativeInfinity, state.Max);
        Assert.True(double.IsNaN(state.StandardDeviation));
    }

    [Fact]
    public void Moments_of_a_single_value_have_that_value_as_mean_min_and_max_and_zero_deviation()
    {
        var state = Kernels.Moments([42.5]);
        Assert.Equal((1L, 42.5, 42.5, 42.5, 0.0), (state.Count, state.Mean, state.Min, state.Max, state.StandardDeviation));
    }

    [Fact]
    public void A_column_of_only_nan_is_entirely_missing()
    {
        var state = Kernels.Moments(Enumerable.Repeat(double.NaN, 3000).ToArray());
        Assert.Equal((0L, 3000L, 0L), (state.Count, state.Missing, state.FiniteCount));
    }

    [Fact]
    public void Infinities_set_the_extremes_but_not_the_mean()
    {
        var state = Kernels.Moments([1, 2, double.PositiveInfinity, 3, double.NegativeInfinity, double.NaN]);
        Assert.Equal((5L, 1L, 3L, 2.0), (state.Count, state.Missing, state.FiniteCount, state.Mean));
        Assert.Equal((double.NegativeInfinity, double.PositiveInfinity), (state.Min, state.Max));
    }

    [Fact]
    public void Values_near_the_largest_double_give_a_finite_mean()
    {
        var values = Enumerable.Repeat(double.MaxValue / 2, 2000).Concat(Enumerable.Repeat(double.MaxValue, 2000)).ToArray();
        var state = Kernels.Moments(values);
        MomentsAssert.Close(0.75 * double.MaxValue, state.Mean, 1e-12, "mean");
    }

    [Fact]
    public void Merging_the_moments_of_chunks_equals_the_moments_of_the_whole_column()
    {
        var values = RandomColumns.Numeric(50_000, 31, offset: -300);
        var whole = Kernels.Moments(values);
        var merged = MomentsState.Empty;
        foreach (var (start, length) in new[] { (0, 1), (1, 9_999), (10_000, 0), (10_000, 25_000), (35_000, 15_000) })
            merged = MomentsState.Merge(merged, Kernels.Moments(values.AsSpan(start, length)));
        MomentsAssert.Same(whole, merged, 1e-12);
    }

    [Fact]
    public void Sum_and_sum_of_squares_follow_from_mean_and_m2()
    {
        double[] values = [1, 2, 3, 4];
        var state = Kernels.Moments(values);
        Assert.Equal(10, state.Sum, 12);
        Assert.Equal(30, state.SumOfSquares, 12);
        Assert.Equal(Math.Sqrt(1.25), state.StandardDeviation, 12);
        Assert.Equal(Math.Sqrt(5.0 / 3), state.SampleStandardDeviation, 12);
    }
}
