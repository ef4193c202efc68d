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

    /// <summary>
    /// A table of every column type, with missing values (and an integer column without), NaN, integral and
    /// fractional doubles, and a length that is no multiple of any vector width.
    /// </summary>
    private static ColumnarTable MixedTable(int rows)
    {
        var random = new Random(11);
        var ids = Int64Column.FromValues("id", Enumerable.Range(0, rows).Select(i => i % 17 == 3 ? null : (long?)(random.NextInt64() >> random.Next(64))).ToArray());
        var amounts = Float64Column.FromValues("amount", Enumerable.Range(0, rows).Select(i => (i % 5) switch
        {
            0 => (double?)null,
            1 => double.NaN,
            2 => random.Next(-1000, 1000),
            _ => random.NextDouble() * 1e6,
        }).ToArray());
        var codes = StringColumn.FromValues("code", Enumerable.Range(0, rows).Select(i => i % 13 == 0 ? null : $"v{random.Next(40)}").ToArray());
        var counts = Int64Column.FromValues("count", Enumerable.Range(0, rows).Select(_ => (long?)random.Next(-5, 1_000_000)).ToArray());
        return new ColumnarTable([ids, amounts, codes, counts]);
    }

    // The splits of MixedTable(1003)'s rows (every third left out) as the first release assigned them, one digit per
    // row: a change to the hash, the vector code or the remainder that moves a row to another split fails here.
    private const string RowHashSplits =
        "1100211020000111202100112001122011020101122120010020000100112200101120211021101110002121001000100000"
        + "2100000010100011111021021110000011000012011200000021001020020120101100110110201201021001201220001002"
        + "2002011021102112100101020111001110010001200020010111110120221001020111100100110002020000101012010020"
        + "0101000101100001200011001100200010011122101000000011000201011011211011000110002101000000202001112112"
        + "0201101120001212110110020010121110012020101100100001212000001010012110102002101112010110000212000000"
        + "0022202002100100110001211212002111212100011011211010011000011101010001201001111000120000112010000201"
        + "000021011121120010012021222001110001021000210001010000101101110110020";
    private const string ColumnHashSplits =
        "1001010000110010010010000101001000000010100001000001011001001000101000110010011000100001100100110000"
        + "1001000100011101000010000101011100010000000010010000000001100101111010010011101000011111010001101000"
        + "1010101011001100000011000100111100000000000000110001001001000100000000100010011011111100001101010010"
        + "1010110101000001100010000101010000000001100010110101001000000111001111001010000001010101100100100000"
        + "0100011110100010111101001110100111100000101101000000100001100010001011000100101101001000011001000100"
        + "0001011110000010010000001110000010010000011100000111000001000000000111000000010101000011100010000010"
        + "000011011000100011101100000101000001000010100101000001001000010100000";

    [Fact]
    public void A_row_lands_in_the_split_the_first_release_gave_it_hashed_by_row_or_by_column()
    {
        var table = MixedTable(1003);
        int[] rows = [.. Enumerable.Range(0, 1003).Where(i => i % 3 != 1)];
        Assert.Equal(RowHashSplits, Digits(new SplitAssigner(["train", "eval", "test"], [3, 2, 1], column: null).Assign(table, rows), rows));
        Assert.Equal(ColumnHashSplits, Digits(new SplitAssigner(["train", "eval"], [2, 1], column: 3).Assign(table, rows), rows));
    }

    private static string Digits(int[][] splits, int[] rows)
    {
        var splitOf = new Dictionary<int, int>();
        for (int s = 0; s < splits.Length; s++)
            foreach (int row in splits[s]) splitOf.Add(row, s);
        return string.Concat(rows.Select(row => splitOf[row]));
    }
}
