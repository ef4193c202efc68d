using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
        int rowCount = table.RowCount;
        var splitOf = ArrayPool<ushort>.Shared.Rent(rowCount);
        var hashes = ArrayPool<ulong>.Shared.Rent(Math.Min(MixRows, Math.Max(rowCount, 1)));
        try
        {
            // A few thousand rows at a time: every column mixes into hashes that are still in the core's cache, and
            // each row's split is taken from its hash there, so the hashes are never written out for the whole batch.
            for (int from = 0; from < rowCount; from += MixRows)
            {
                var chunk = hashes.AsSpan(0, Math.Min(MixRows, rowCount - from));
                chunk.Clear();
                for (int k = 0; k < columns.Length; k++) Mix(chunk, from, columns[k], valueHashes[k]);
                var split = splitOf.AsSpan(from, chunk.Length);
                for (int i = 0; i < chunk.Length; i++) split[i] = (ushort)_bucketToSplit[_buckets.Remainder(Finish(chunk[i]))];
            }
            return Group(splitOf, rows);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(hashes);
            ArrayPool<ushort>.Shared.Return(splitOf);
        }
    }

    /// <summary>Counts each split's rows, then fills arrays of exactly that size (not cleared first: every slot is written).</summary>
    private int[][] Group(ushort[] splitOf, ReadOnlySpan<int> rows)
    {
        var counts = new int[Names.Count];
        foreach (int row in rows) counts[splitOf[row]]++;
        var result = new int[counts.Length][];
        for (int s = 0; s < result.Length; s++) result[s] = GC.AllocateUninitializedArray<int>(counts[s]);
        Array.Clear(counts);
        foreach (int row in rows)
        {
            int split = splitOf[row];
            result[split][counts[split]++] = row;
        }
        return result;
    }

    /// <summary>The hash of each dictionary value, one place on: entry 0 is the hash of a missing value (code −1).</summary>
    private static ulong[] DictionaryHashes(StringColumn strings)
    {
        var hashes = new ulong[strings.DictionaryCount + 1];
        hashes[0] = MissingHash;
        for (int code = 0; code < strings.DictionaryCount; code++) hashes[code + 1] = OfUtf8(strings.Utf8Of(code));
        return hashes;
    }

    /// <summary>Mixes the values of rows [<paramref name="from"/>, + the chunk's length) of a column into their hashes.</summary>
    private static void Mix(Span<ulong> hashes, int from, Column column, ulong[]? valueHashes)
    {
        switch (column)
        {
            case Int64Column int64 when int64.Missing.IsEmpty:
                MixInt64(hashes, int64.Values.Slice(from, hashes.Length));
                break;
            case Int64Column int64:
                var longs = int64.Values.Slice(from, hashes.Length);
                var missing = int64.Missing.Slice(from, hashes.Length);
                for (int i = 0; i < hashes.Length; i++) hashes[i] = Combine(hashes[i], missing[i] ? MissingHash : OfNumber(longs[i]));
                break;
            case Float64Column float64:
                var doubles = float64.Values.Slice(from, hashes.Length);
                for (int i = 0; i < hashes.Length; i++) hashes[i] = Combine(hashes[i], double.IsNaN(doubles[i]) ? MissingHash : OfNumber(doubles[i]));
                break;
            case StringColumn strings:
                var codes = strings.Codes.Slice(from, hashes.Length);
                for (int i = 0; i < hashes.Length; i++) hashes[i] = Combine(hashes[i], valueHashes![codes[i] + 1]);
                break;
        }
    }

    /// <summary>Mixes integers without missing values into their rows' hashes, a vector of rows at a time where the CPU has vectors.</summary>
    private static void MixInt64(Span<ulong> hashes, ReadOnlySpan<long> values)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref ulong hash = ref MemoryMarshal.GetReference(hashes);
            ref ulong value = ref Unsafe.As<long, ulong>(ref MemoryMarshal.GetReference(values));
            for (; i + Vector256<ulong>.Count <= hashes.Length; i += Vector256<ulong>.Count)
                Combine(Vector256.LoadUnsafe(ref hash, (nuint)i), Finish(Vector256.LoadUnsafe(ref value, (nuint)i))).StoreUnsafe(ref hash, (nuint)i);
        }
        for (; i < hashes.Length; i++) hashes[i] = Combine(hashes[i], OfNumber(values[i]));
    }

    private static ulong OfNumber(double value) => value == Math.Floor(value) && Math.Abs(value) < 9.2e18 ? OfNumber((long)value) : Finish((ulong)BitConverter.DoubleToInt64Bits(value) ^ 0x27D4EB2F165667C5UL);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong OfNumber(long value) => Finish((ulong)value);

    private static ulong OfUtf8(ReadOnlySpan<byte> utf8)
    {
        ulong hash = 0xCBF29CE484222325UL;
        foreach (byte b in utf8) hash = (hash ^ b) * 0x100000001B3UL;
        return Finish(hash);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Combine(ulong seed, ulong value) => BitOperations.RotateLeft(seed * 31 + value, 17) ^ 0x9E3779B97F4A7C15UL;

    /// <summary><see cref="Combine(ulong, ulong)"/> of each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Combine(Vector256<ulong> seed, Vector256<ulong> value)
    {
        var sum = (seed << 5) - seed + value;
        return ((sum << 17) | (sum >>> 47)) ^ Vector256.Create(0x9E3779B97F4A7C15UL);
    }

    /// <summary>fmix64 from MurmurHash3: every input bit affects every output bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Finish(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB93FE1A85EC3UL;
        return h ^ (h >> 33);
    }

    /// <summary><see cref="Finish(ulong)"/> of each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Finish(Vector256<ulong> h)
    {
        h ^= h >>> 33;
        h *= Vector256.Create(0xFF51AFD7ED558CCDUL);
        h ^= h >>> 33;
        h *= Vector256.Create(0xC4CEB93FE1A85EC3UL);
        return h ^ (h >>> 33);
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
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public uint Remainder(ulong value) =>
            Of(Of((uint)(value >> 32)) * _twoTo32 + Of((uint)value));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private uint Of(uint value) => (uint)Math.BigMul(_multiplier * value, _divisor, out _);
    }
}
