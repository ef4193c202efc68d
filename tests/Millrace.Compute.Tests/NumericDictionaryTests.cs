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
        Assert.True(NumericDictionary.TryBuildDirect(values, min, (int)(values.Max() - min) + 1, 1 << 16, out var direct, out var directCodes));
        Assert.True(NumericDictionary.TryBuildHashed(values, 1 << 16, out var hashed, out var hashedCodes));
        Assert.Equal(hashed, direct);
        Assert.Equal(hashedCodes.AsSpan(0, values.Length).ToArray(), directCodes.AsSpan(0, values.Length).ToArray());
        Assert.Equal(values, directCodes.Take(values.Length).Select(code => direct[code]));
    }

    [Fact]
    public void Both_ways_give_up_past_the_limit_of_distinct_values()
    {
        long[] values = [.. Enumerable.Range(0, 1000)];
        Assert.False(NumericDictionary.TryBuildDirect(values, 0, 1000, 999, out _, out _));
        Assert.False(NumericDictionary.TryBuildHashed(values, 999, out _, out _));
        Assert.True(NumericDictionary.TryBuild(values, 1000, out var distinct, out _));
        Assert.Equal(1000, distinct.Length);
    }
}
