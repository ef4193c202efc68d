using System.Buffers;
using System.Numerics;
using System.Text;
using Millrace.Compute.IO;

namespace Millrace.Components;

/// <summary>
/// Assigns rows to named splits deterministically: a 64-bit hash of one column's value (or of the whole row) modulo
/// the sum of the split weights picks the split, so the same row lands in the same split on every run and machine,
/// whichever ExampleGen read it. Numbers hash by value (an Int64 and a Float64 of the same integer agree), strings
/// by their UTF-8 bytes, and a missing value by a fixed constant.
/// </summary>
public sealed class SplitAssigner
{
    private const ulong MissingHash = 0x5851F42D4C957F2DUL;
    private const int MixRows = 4096;
    private readonly int[] _bucketToSplit;
    private readonly FastRemainder _buckets;
    private readonly int? _column;

    /// <summary>Creates an assigner for splits with integer weights, hashing <paramref name="column"/> (an index) or the row.</summary>
    /// <exception cref="ExampleGenException">The names and weights do not match, or a weight is not positive.</exception>
    public SplitAssigner(IReadOnlyList<string> names, IReadOnlyList<int> weights, int? column)
    {
        if (names.Count == 0 || names.Count != weights.Count || weights.Any(w => w <= 0) || names.Distinct().Count() != names.Count)
            throw new ExampleGenException($"Split names [{string.Join(", ", names)}] and weights [{string.Join(", ", weights)}] must pair up one to one, with distinct names and positive weights (for example train:eval = 2:1).");
        Names = names;
        _bucketToSplit = names.SelectMany((_, i) => Enumerable.Repeat(i, weights[i])).ToArray();
        if (_bucketToSplit.Length > ushort.MaxValue)
            throw new ExampleGenException($"Split weights [{string.Join(", ", weights)}] add up to {_bucketToSplit.Length}; keep the sum at most {ushort.MaxValue} (for example 80:20 rather than 80000:20000).");
        _buckets = new FastRemainder((uint)_bucketToSplit.Length);
        _column = column;
    }

    /// <summary>The split names, in order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The rows of each split among the given rows of a batch (a CSV block, or a Parquet row group).</summary>
    public int[][] Assign(ColumnarTable table, ReadOnlySpan<int> rows)
    {
        Column[] columns = _column is int c ? [table.Columns[c]] : [.. table.Columns];
        var valueHashes = columns.Select(column => column is StringColumn strings ? DictionaryHashes(strings) : null).ToArray();
        var hashes = ArrayPool<ulong>.Shared.Rent(table.RowCount);
        try
        {
            // A few thousand rows at a time, so every column mixes into hashes that are still in the core's cache.
            for (int from = 0; from < table.RowCount; from += MixRows)
            {
                var chunk = hashes.AsSpan(from, Math.Min(MixRows, table.RowCount - from));
                chunk.Clear();
                for (int k = 0; k < columns.Length; k++) Mix(chunk, from, columns[k], valueHashes[k]);
            }
            return Group(hashes, rows);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(hashes);
        }
    }

    /// <summary>Counts each split's rows, then fills arrays of exactly that size: no lists, no division.</summary>
    private int[][] Group(ulong[] hashes, ReadOnlySpan<int> rows)
    {
        var splitOf = ArrayPool<int>.Shared.Rent(rows.Length);
        var counts = new int[Names.Count];
        for (int i = 0; i < rows.Length; i++) counts[splitOf[i] = _bucketToSplit[_buckets.Remainder(Finish(hashes[rows[i]]))]]++;
        var result = counts.Select(n => new int[n]).ToArray();
        Array.Clear(counts);
        for (int i = 0; i < rows.Length; i++)
        {
            int split = splitOf[i];
            result[split][counts[split]++] = rows[i];
        }
        ArrayPool<int>.Shared.Return(splitOf);
        return result;
    }

    private static ulong[] DictionaryHashes(StringColumn strings)
    {
        var hashes = new ulong[strings.DictionaryCount];
        for (int code = 0; code < hashes.Length; code++) hashes[code] = OfUtf8(strings.Utf8Of(code));
        return hashes;
    }

    /// <summary>Mixes the values of rows [<paramref name="from"/>, + the chunk's length) of a column into their hashes.</summary>
    private static void Mix(Span<ulong> hashes, int from, Column column, ulong[]? valueHashes)
    {
        switch (column)
        {
            case Int64Column int64:
                var longs = int64.Values.Slice(from, hashes.Length);
                var missing = int64.Missing.IsEmpty ? default : int64.Missing.Slice(from, hashes.Length);
                for (int i = 0; i < hashes.Length; i++) hashes[i] = Combine(hashes[i], !missing.IsEmpty && missing[i] ? MissingHash : OfNumber(longs[i]));
                break;
            case Float64Column float64:
                var doubles = float64.Values.Slice(from, hashes.Length);
                for (int i = 0; i < hashes.Length; i++) hashes[i] = Combine(hashes[i], double.IsNaN(doubles[i]) ? MissingHash : OfNumber(doubles[i]));
                break;
            case StringColumn strings:
                var codes = strings.Codes.Slice(from, hashes.Length);
                for (int i = 0; i < hashes.Length; i++) hashes[i] = Combine(hashes[i], codes[i] < 0 ? MissingHash : valueHashes![codes[i]]);
                break;
        }
    }

    private static ulong OfNumber(double value) => value == Math.Floor(value) && Math.Abs(value) < 9.2e18 ? OfNumber((long)value) : Finish((ulong)BitConverter.DoubleToInt64Bits(value) ^ 0x27D4EB2F165667C5UL);

    private static ulong OfNumber(long value) => Finish((ulong)value);

    private static ulong OfUtf8(ReadOnlySpan<byte> utf8)
    {
        ulong hash = 0xCBF29CE484222325UL;
        foreach (byte b in utf8) hash = (hash ^ b) * 0x100000001B3UL;
        return Finish(hash);
    }

    private static ulong Combine(ulong seed, ulong value) => BitOperations.RotateLeft(seed * 31 + value, 17) ^ 0x9E3779B97F4A7C15UL;

    /// <summary>fmix64 from MurmurHash3: every input bit affects every output bit.</summary>
    private static ulong Finish(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB93FE1A85EC3UL;
        return h ^ (h >> 33);
    }

    /// <summary>
    /// <c>value % divisor</c> for a 64-bit value and a divisor below 2^16, exactly, without a divide instruction (tens
    /// of cycles per row): the value's two 32-bit halves are reduced by Lemire's multiply-and-shift remainder, then
    /// combined as <c>(high % d) · (2^32 % d) + low % d</c>, which stays below 2^32 and is reduced once more.
    /// </summary>
    internal readonly struct FastRemainder(uint divisor)
    {
        private readonly ulong _multiplier = ulong.MaxValue / divisor + 1;
        private readonly uint _divisor = divisor, _twoTo32 = (uint)((1UL << 32) % divisor);

        /// <summary><paramref name="value"/> modulo the divisor.</summary>
        public uint Remainder(ulong value) =>
            Of(Of((uint)(value >> 32)) * _twoTo32 + Of((uint)value));

        private uint Of(uint value) => (uint)Math.BigMul(_multiplier * value, _divisor, out _);
    }
}
