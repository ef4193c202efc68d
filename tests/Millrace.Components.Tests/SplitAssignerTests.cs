using Millrace.Compute.IO;

namespace Millrace.Components.Tests;

public sealed class SplitAssignerTests
{
    [Theory]
    [InlineData(1u)]
    [InlineData(2u)]
    [InlineData(3u)]
    [InlineData(7u)]
    [InlineData(10u)]
    [InlineData(100u)]
    [InlineData(4096u)]
    [InlineData(65535u)]
    public void The_fast_remainder_equals_the_modulo_for_any_64_bit_value(uint divisor)
    {
        var remainder = new SplitAssigner.FastRemainder(divisor);
        var random = new Random((int)divisor);
        ulong[] edges = [0, 1, divisor - 1, divisor, uint.MaxValue, 1UL << 32, (1UL << 32) + 1, ulong.MaxValue, ulong.MaxValue - 1, 1UL << 63];
        foreach (ulong value in edges.Concat(Enumerable.Range(0, 100_000).Select(_ => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63))))
            Assert.Equal(value % divisor, remainder.Remainder(value));
    }

    [Fact]
    public void Every_row_lands_in_exactly_one_split_with_about_its_weight_and_again_on_a_second_call()
    {
        var assigner = new SplitAssigner(["train", "eval", "test"], [7, 2, 1], column: 0);
        var ids = Int64Column.FromValues("id", Enumerable.Range(0, 30_000).Select(i => (long?)i).ToArray());
        var table = new ColumnarTable([ids]);
        int[] rows = [.. Enumerable.Range(0, 30_000).Where(i => i % 5 != 0)];
        var splits = assigner.Assign(table, rows);
        Assert.Equal(rows, splits.SelectMany(s => s).Order());
        Assert.All(splits, s => Assert.True(s.SequenceEqual(s.Order()), "each split keeps the rows in order"));
        Assert.Equal([0.7, 0.2, 0.1], splits.Select(s => Math.Round((double)s.Length / rows.Length, 1)));
        Assert.Equal(splits, assigner.Assign(table, rows));
    }

    [Fact]
    public void Weights_that_add_up_past_65535_are_refused_with_the_sum_named()
    {
        var error = Assert.Throws<ExampleGenException>(() => new SplitAssigner(["train", "eval"], [80_000, 20_000], column: null));
        Assert.Contains("add up to 100000", error.Message);
    }
}
