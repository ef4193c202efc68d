using System.Text;

namespace Millrace.Compute.Tests;

public sealed class StringSketchTests
{
    private static readonly IColumnKernels Kernels = SimdColumnKernels.Instance;

    [Theory]
    [InlineData(0, 5, 1)]
    [InlineData(1, 5, 2)]
    [InlineData(5_000, 50, 3)]
    [InlineData(150_000, 3_000, 4)]
    public void Dictionary_encoded_statistics_equal_the_exact_counts(int length, int distinct, int seed)
    {
        var (codes, dictionary) = RandomColumns.Strings(length, distinct, seed);
        var sketch = Kernels.Strings(codes, dictionary);
        AssertExact(codes, dictionary, sketch);
    }

    [Fact]
    public void A_utf8_column_gives_the_same_statistics_as_its_dictionary_encoding()
    {
        var (codes, dictionary) = RandomColumns.Strings(100_000, 500, 5);
        var column = ToUtf8(codes, dictionary, out var bytes, out var offsets, out var missing);
        var sketch = Kernels.Strings(new Utf8Column(bytes, offsets, missing));
        AssertExact(codes, dictionary, sketch);
    }

    [Fact]
    public void Merging_sketches_of_chunks_equals_the_sketch_of_the_whole_column()
    {
        var (codes, dictionary) = RandomColumns.Strings(20_000, 300, 6);
        var merged = Kernels.Strings(codes.AsSpan(0, 7_000), dictionary);
        merged.Merge(Kernels.Strings(codes.AsSpan(7_000), dictionary));
        AssertExact(codes, dictionary, merged);
    }

    [Fact]
    public void Past_the_exact_limit_the_distinct_count_is_within_four_standard_errors_of_hyperloglog()
    {
        const int distinct = 200_000;
        var sketch = new StringSketch(exactDistinctLimit: 10_000);
        for (int i = 0; i < distinct; i++) sketch.Add(Encoding.UTF8.GetBytes($"id-{i}"));
        Assert.False(sketch.IsExact);
        Assert.InRange(sketch.DistinctCount, distinct * (1 - 4 * 0.0081), distinct * (1 + 4 * 0.0081));
    }

    [Fact]
    public void Misra_gries_counts_are_lower_bounds_within_the_error_bound_and_keep_the_heavy_hitters()
    {
        var (codes, dictionary) = RandomColumns.Strings(200_000, 50_000, 7);
        var exact = ExactCounts(codes, dictionary);
        var sketch = new StringSketch(exactDistinctLimit: 2_000, frequentCapacity: 200);
        foreach (int code in codes)
            if (code < 0) sketch.AddMissing(); else sketch.Add(Encoding.UTF8.GetBytes(dictionary[code]));
        Assert.False(sketch.IsExact);
        Assert.InRange(sketch.CountErrorBound, 1, sketch.Count / 201);
        var top = sketch.TopK(10);
        Assert.Equal(exact.Take(5).Select(e => e.Key), top.Take(5).Select(t => t.Value));
        foreach (var (value, count) in top)
            Assert.InRange(count, exact[value] - sketch.CountErrorBound, exact[value]);
    }

    [Fact]
    public void Chunks_added_as_distinct_values_with_counts_are_exact_below_the_limit_and_bounded_past_it()
    {
        var (codes, dictionary) = RandomColumns.Strings(200_000, 50_000, 8);
        var exact = ExactCounts(codes, dictionary);
        var small = new StringSketch();
        var bounded = new StringSketch(exactDistinctLimit: 2_000, frequentCapacity: 200);
        // Chunks of 20,000 rows, each given as its distinct values and their counts, as a dictionary page is.
        for (int start = 0; start < codes.Length; start += 20_000)
        {
            var chunk = codes.AsSpan(start, Math.Min(20_000, codes.Length - start));
            var counts = new long[dictionary.Length];
            long missing = 0;
            foreach (int code in chunk)
                if (code < 0) missing++; else counts[code]++;
            var values = dictionary.Select(d => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(d)).ToArray();
            small.AddMissing(missing);
            small.AddCounts(values, counts);
            bounded.AddMissing(missing);
            bounded.AddCounts(values, counts);
        }
        AssertExact(codes, dictionary, small);
        Assert.False(bounded.IsExact);
        Assert.Equal(small.Count, bounded.Count);
        Assert.InRange(bounded.CountErrorBound, 1, bounded.Count / 201);
        var top = bounded.TopK(10);
        Assert.Equal(exact.Take(5).Select(e => e.Key), top.Take(5).Select(t => t.Value));
        foreach (var (value, count) in top)
            Assert.InRange(count, exact[value] - bounded.CountErrorBound, exact[value]);
        Assert.InRange(bounded.DistinctCount, exact.Count * (1 - 4 * 0.0081), exact.Count * (1 + 4 * 0.0081));
    }

    [Fact]
    public void The_kth_largest_count_is_found_in_random_sorted_reversed_and_tied_input()
    {
        var random = new Random(9);
        long[][] inputs =
        [
            Enumerable.Range(0, 5_000).Select(_ => (long)random.Next(100)).ToArray(),
            Enumerable.Range(0, 5_000).Select(i => (long)i).ToArray(),
            Enumerable.Range(0, 5_000).Select(i => (long)(5_000 - i)).ToArray(),
            Enumerable.Repeat(7L, 5_000).ToArray(),
            [3],
        ];
        foreach (var input in inputs)
            foreach (int rank in new[] { 0, 1, input.Length / 2, input.Length - 1 }.Where(r => r < input.Length))
            {
                long expected = input.OrderByDescending(v => v).ElementAt(rank);
                Assert.Equal(expected, StringSketch.LargestAt((long[])input.Clone(), rank));
            }
    }

    [Fact]
    public void Average_length_is_in_utf8_bytes_and_missing_values_do_not_count()
    {
        var sketch = Kernels.Strings([0, 1, -1], ["ab", "é"]);
        Assert.Equal((2L, 1L, 2.0), (sketch.Count, sketch.Missing, sketch.AverageLength));
    }

    private static void AssertExact(int[] codes, string[] dictionary, StringSketch sketch)
    {
        var exact = ExactCounts(codes, dictionary);
        long present = codes.Count(c => c >= 0);
        Assert.True(sketch.IsExact);
        Assert.Equal(present, sketch.Count);
        Assert.Equal(codes.Length - present, sketch.Missing);
        Assert.Equal(exact.Count, sketch.DistinctCount);
        long bytes = codes.Where(c => c >= 0).Sum(c => (long)Encoding.UTF8.GetByteCount(dictionary[c]));
        Assert.Equal(present == 0 ? double.NaN : (double)bytes / present, sketch.AverageLength, 12);
        Assert.Equal(exact.Take(20).Select(e => new ValueCount(e.Key, e.Value)), sketch.TopK(20));
    }

    /// <summary>Counts per value, most frequent first, ties by ordinal value.</summary>
    private static Dictionary<string, long> ExactCounts(int[] codes, string[] dictionary) =>
        codes.Where(c => c >= 0).GroupBy(c => dictionary[c])
            .OrderByDescending(g => g.LongCount()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.LongCount());

    private static int ToUtf8(int[] codes, string[] dictionary, out byte[] bytes, out int[] offsets, out bool[] missing)
    {
        var buffer = new List<byte>();
        offsets = new int[codes.Length + 1];
        missing = new bool[codes.Length];
        for (int i = 0; i < codes.Length; i++)
        {
            if (codes[i] < 0) missing[i] = true;
            else buffer.AddRange(Encoding.UTF8.GetBytes(dictionary[codes[i]]));
            offsets[i + 1] = buffer.Count;
        }
        bytes = buffer.ToArray();
        return codes.Length;
    }
}
