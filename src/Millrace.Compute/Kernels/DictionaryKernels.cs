using Millrace.Compute.IO;

namespace Millrace.Compute;

/// <summary>
/// Statistics of dictionary-encoded columns (as <see cref="IO.Parquet.ParquetFileReader"/> returns them): one
/// pass counts the rows of each code, in parallel chunks; everything else is work per distinct value.
/// </summary>
public static class DictionaryKernels
{
    /// <summary>How many rows hold each code of a dictionary of <paramref name="size"/> values; the extra last slot counts missing rows (code −1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A code is outside the dictionary.</exception>
    public static long[] CountCodes(ReadOnlySpan<int> codes, int size) =>
        ParallelChunks.Reduce(codes, chunk => CountChunk(chunk, size), (a, b) =>
        {
            for (int i = 0; i < a.Length; i++) a[i] += b[i];
            return a;
        });

    private static long[] CountChunk(ReadOnlySpan<int> codes, int size)
    {
        var counts = new long[size + 1];
        foreach (int code in codes)
        {
            if ((uint)code >= (uint)size && code >= 0)
                throw new ArgumentOutOfRangeException(nameof(codes), $"Code {code} is outside a dictionary of {size} values.");
            counts[code < 0 ? size : code]++;
        }
        return counts;
    }

    /// <summary>
    /// The string sketch of a string column, from its codes and the UTF-8 bytes of its dictionary: added to
    /// <paramref name="into"/> when given (one sketch across row groups, no merge), else to a new sketch.
    /// </summary>
    public static StringSketch Strings(StringColumn column, StringSketch? into = null)
    {
        int size = column.DictionaryCount;
        var counts = CountCodes(column.Codes, size);
        var sketch = into ?? new StringSketch(Math.Max(StringSketch.DefaultExactDistinctLimit, size));
        sketch.AddMissing(counts[size]);
        for (int code = 0; code < size; code++)
            if (counts[code] > 0) sketch.Add(column.Utf8Of(code), counts[code]);
        return sketch;
    }
}
