using System.Text;

namespace Millrace.Compute;

/// <summary>
/// The string kernels on the CPU. A dictionary-encoded column is counted per code (a plain array increment per
/// row, in parallel chunks) and each distinct code is then added to the sketch once; a UTF-8 column is sketched
/// per chunk, and the chunk sketches merged.
/// </summary>
internal static class StringKernels
{
    public static StringSketch Summarise(ReadOnlySpan<int> codes, IReadOnlyList<string> dictionary)
    {
        int size = dictionary.Count;
        // The last slot counts missing values.
        long[] counts = DictionaryKernels.CountCodes(codes, size);
        var sketch = new StringSketch(Math.Max(StringSketch.DefaultExactDistinctLimit, size));
        sketch.AddMissing(counts[size]);
        for (int code = 0; code < size; code++)
            if (counts[code] > 0) sketch.AddOwned(Encoding.UTF8.GetBytes(dictionary[code]), counts[code]);
        return sketch;
    }

    public static unsafe StringSketch Summarise(Utf8Column column)
    {
        if (column.Length < ParallelChunks.MinParallelLength) return SummariseSequential(column);
        // Ref-struct buffers cannot enter a lambda; pin them and hand their addresses to the workers.
        fixed (byte* bytes = column.Bytes)
        fixed (int* offsets = column.Offsets)
        fixed (bool* missing = column.Missing)
        {
            nint bytesAddress = (nint)bytes, offsetsAddress = (nint)offsets, missingAddress = (nint)missing;
            int byteLength = column.Bytes.Length, rows = column.Length, missingLength = column.Missing.Length;
            int workers = Environment.ProcessorCount;
            var partials = new StringSketch[workers];
            Parallel.For(0, workers, worker =>
            {
                var whole = new Utf8Column(new ReadOnlySpan<byte>((byte*)bytesAddress, byteLength),
                    new ReadOnlySpan<int>((int*)offsetsAddress, rows + 1), new ReadOnlySpan<bool>((bool*)missingAddress, missingLength));
                int start = (int)((long)rows * worker / workers), end = (int)((long)rows * (worker + 1) / workers);
                partials[worker] = SummariseSequential(whole.Slice(start, end - start));
            });
            for (int i = 1; i < workers; i++) partials[0].Merge(partials[i]);
            return partials[0];
        }
    }

    public static StringSketch SummariseSequential(Utf8Column column)
    {
        var sketch = new StringSketch();
        var offsets = column.Offsets;
        var missing = column.Missing;
        for (int row = 0; row < column.Length; row++)
        {
            if (!missing.IsEmpty && missing[row]) { sketch.AddMissing(); continue; }
            sketch.Add(column.Bytes[offsets[row]..offsets[row + 1]]);
        }
        return sketch;
    }
}
