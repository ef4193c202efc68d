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
    /// A table of every column type, with missing values, NaN, integral and fractional doubles, and a length that is
    /// no multiple of any vector width.
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
        return new ColumnarTable([ids, amounts, codes]);
    }

    // The splits of MixedTable(1003)'s rows (every third left out) as the first release assigned them, one digit per
    // row: a change to the hash, the vector code or the remainder that moves a row to another split fails here.
    private const string RowHashSplits =
        "1020100000000010121010000000011022201001000020100101111201000110110000011010110211000000010210210101"
        + "0010101121120111010001101120100102000010010012020001100000112121110001110000011011012000011200100210"
        + "1220202010202011100120020001111000010200010001102012102201001111001020001202100000101020011012020121"
        + "1000121002101011211101110010221010000020020121101010022210000000110201120100001210010101011020010020"
        + "0112110101110020000210101010000001102020110122000220111000000211211001210010210001011000200220021001"
        + "0011002120100010220012200101200001101200101100000120212010210100020102000000002011001200111021112211"
        + "210200001122010220000010121112210220110001100011111212000201200000010";
    private const string ColumnHashSplits =
        "1001001010011010010100100100111000010010010100100000100011001011100000000010100010000110000000110001"
        + "1000000011100100000110100001101100101000100100000000000001101001111001100101010100101100110010000010"
        + "0010010100010001000001001000000010100000000100100110010100101001000010110000000000111000000011011110"
        + "1001101101001000011000010001011000100000000100101000000010100010011000000001010000011010000011011110"
        + "0010100011001000010010011011010100010000100100100111000000000010000110101001100010000110000101000010"
        + "1000100001000010011001100110010011000010000101010011100100000001100010001010001000010000011000001100"
        + "110111100001000010110000000101000010001010011010001100010000011000000";

    [Fact]
    public void A_row_lands_in_the_split_the_first_release_gave_it_hashed_by_row_or_by_column()
    {
        var table = MixedTable(1003);
        int[] rows = [.. Enumerable.Range(0, 1003).Where(i => i % 3 != 1)];
        Assert.Equal(RowHashSplits, Digits(new SplitAssigner(["train", "eval", "test"], [3, 2, 1], column: null).Assign(table, rows), rows));
        Assert.Equal(ColumnHashSplits, Digits(new SplitAssigner(["train", "eval"], [2, 1], column: 0).Assign(table, rows), rows));
    }

    private static string Digits(int[][] splits, int[] rows)
    {
        var splitOf = new Dictionary<int, int>();
        for (int s = 0; s < splits.Length; s++)
            foreach (int row in splits[s]) splitOf.Add(row, s);
        return string.Concat(rows.Select(row => splitOf[row]));
    }
}
