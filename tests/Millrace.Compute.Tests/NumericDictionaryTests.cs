using Millrace.Compute.IO.Parquet;

namespace Millrace.Compute.Tests;

public sealed class NumericDictionaryTests
{
    [Theory]
    [InlineData(1, 0L, 10)]
    [InlineData(2, -1000L, 5000)]
    [InlineData(3, long.MaxValue - 70_000, 65_535)]
    public void The_direct_index_and_the_hash_table_give_the_same_dictionary_and_codes(int seed, long offset, int range)
    {
        var random = new Random(seed);
        long[] values = [.. Enumerable.Range(0, 50_000).Select(_ => offset + random.Next(range))];
        long min = values.Min();
        Assert.True(NumericDictionary.TryBuildDirect(values, default(NumericDictionary.Identity), min, (int)(values.Max() - min) + 1, 1 << 16, out var direct, out var directCodes));
        Assert.True(NumericDictionary.TryBuildHashed(values, 1 << 16, out var hashed, out var hashedCodes));
        Assert.Equal(hashed, direct);
        Assert.Equal(hashedCodes.AsSpan(0, values.Length).ToArray(), directCodes.AsSpan(0, values.Length).ToArray());
        Assert.Equal(values, directCodes.Take(values.Length).Select(code => direct[code]));
    }

    [Fact]
    public void Both_ways_give_up_past_the_limit_of_distinct_values()
    {
        long[] values = [.. Enumerable.Range(0, 1000)];
        Assert.False(NumericDictionary.TryBuildDirect(values, default(NumericDictionary.Identity), 0, 1000, 999, out _, out _));
        Assert.False(NumericDictionary.TryBuildHashed(values, 999, out _, out _));
        Assert.True(NumericDictionary.TryBuild(values, 1000, out var distinct, out _));
        Assert.Equal(1000, distinct.Length);
    }

    [Fact]
    public void The_dictionary_of_gathered_rows_is_the_dictionary_of_those_rows_values()
    {
        var random = new Random(4);
        long[] values = [.. Enumerable.Range(0, 20_000).Select(_ => (long)random.Next(-300, 300))];
        int[] rows = [.. Enumerable.Range(0, values.Length).Where(_ => random.Next(3) != 0).OrderBy(_ => random.Next())];
        long[] picked = [.. rows.Select(row => values[row])];
        Assert.True(NumericDictionary.TryBuildDirect(values, new NumericDictionary.Gathered(rows), -300, 600, 1 << 16, out var gathered, out var gatheredCodes));
        Assert.True(NumericDictionary.TryBuildDirect(picked, default(NumericDictionary.Identity), -300, 600, 1 << 16, out var direct, out var directCodes));
        Assert.Equal(direct, gathered);
        Assert.Equal(directCodes.AsSpan(0, rows.Length).ToArray(), gatheredCodes.AsSpan(0, rows.Length).ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(37)]
    [InlineData(1000)]
    public void The_vector_min_and_max_are_the_least_and_greatest_value_wherever_they_fall(int length)
    {
        var random = new Random(length);
        for (int trial = 0; trial < 20; trial++)
        {
            long[] values = [.. Enumerable.Range(0, length).Select(_ => random.NextInt64(-1_000_000, 1_000_000))];
            if (length > 0)
            {
                values[random.Next(length)] = trial % 2 == 0 ? long.MinValue : -5_000_000;
                values[random.Next(length)] = trial % 3 == 0 ? long.MaxValue : 5_000_000;
            }
            var expected = length == 0 ? (long.MaxValue, long.MinValue) : (values.Min(), values.Max());
            Assert.Equal(expected, NumericDictionary.MinMax(values));
        }
    }
}
