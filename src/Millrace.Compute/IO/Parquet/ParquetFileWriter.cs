using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using CommunityToolkit.HighPerformance.Buffers;

namespace Millrace.Compute.IO.Parquet;

/// <summary>
/// Writes <see cref="ColumnarTable"/> batches as a Parquet file, one row group per batch, straight from the
/// columns' memory: every column is OPTIONAL and flat; a string column is written from its dictionary codes as a
/// dictionary page and RLE/bit-packed indices, a numeric column the same way when it has few distinct values (most
/// tabular integers) and PLAIN otherwise. Pages are compressed with <see cref="ParquetCodec"/>. The columns of a
/// row group are encoded in parallel. Parquet.Net, DuckDB and Arrow read the files (tested).
/// </summary>
/// <remarks>
/// Parquet.Net's writer takes one .NET value per row (a string per cell) and rebuilds the dictionary by hashing
/// them; the columns here already hold dictionary codes, so writing costs a pass over the codes.
/// </remarks>
public sealed class ParquetFileWriter : IDisposable
{
    /// <summary>A numeric column is dictionary-encoded when it has at most this many distinct values in a row group…</summary>
    public const int MaxNumericDictionary = 1 << 16;

    private static readonly byte[] Magic = "PAR1"u8.ToArray();

    private readonly Stream _output;
    private readonly bool _leaveOpen;
    private readonly string[] _names;
    private readonly ColumnType[] _types;
    private readonly ParquetCodec _codec;
    private readonly List<RowGroupFooter> _rowGroups = [];
    private long _position;
    private bool _finished;

    private ParquetFileWriter(Stream output, bool leaveOpen, string[] names, ColumnType[] types, ParquetCodec codec)
    {
        _output = output;
        _leaveOpen = leaveOpen;
        _names = names;
        _types = types;
        _codec = codec;
        Write(Magic);
    }

    /// <summary>How many rows were written.</summary>
    public long Rows { get; private set; }

    /// <summary>Starts a Parquet file on <paramref name="output"/> for columns of these names and types.</summary>
    public static ParquetFileWriter Create(Stream output, IReadOnlyList<string> names, IReadOnlyList<ColumnType> types,
        ParquetCodec codec = ParquetCodec.Snappy, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (names.Count != types.Count) throw new ArgumentException($"{names.Count} names for {types.Count} types.", nameof(types));
        if (names.Count == 0) throw new ArgumentException("A Parquet file needs at least one column.", nameof(names));
        return new ParquetFileWriter(output, leaveOpen, names.ToArray(), types.ToArray(), codec);
    }

    /// <summary>
    /// Writes the rows <paramref name="rows"/> of <paramref name="table"/> (every row when <see langword="null"/>)
    /// as one row group. The table's columns must have this file's names and types, in order.
    /// </summary>
    public void WriteRowGroup(ColumnarTable table, int[]? rows = null)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        if (table.Columns.Count != _names.Length) throw new ArgumentException($"The table has {table.Columns.Count} columns; the file has {_names.Length}.", nameof(table));
        for (int c = 0; c < _names.Length; c++)
            if (table.Columns[c].Type != _types[c])
                throw new ArgumentException($"Column {c} ('{table.Columns[c].Name}') is {table.Columns[c].Type}; the file's column '{_names[c]}' is {_types[c]}.", nameof(table));
        rows ??= Identity(table.RowCount);
        if (rows.Length == 0) return;
        var chunks = new EncodedChunk[_names.Length];
        Parallel.For(0, chunks.Length, c => chunks[c] = ColumnChunkEncoder.Encode(table.Columns[c], rows, _codec));
        var footer = new RowGroupFooter(rows.Length, _position, new ChunkFooter[chunks.Length]);
        for (int c = 0; c < chunks.Length; c++)
        {
            long start = _position;
            Write(chunks[c].Bytes.WrittenSpan);
            footer.Chunks[c] = new ChunkFooter(chunks[c], start);
            chunks[c].Release();
        }
        _rowGroups.Add(footer);
        Rows += rows.Length;
    }

    private static int[] Identity(int count)
    {
        var rows = new int[count];
        for (int i = 0; i < rows.Length; i++) rows[i] = i;
        return rows;
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        _output.Write(bytes);
        _position += bytes.Length;
    }

    /// <summary>Writes the footer and closes the stream (unless it was to be left open).</summary>
    public void Dispose()
    {
        if (_finished) return;
        _finished = true;
        var footer = new ArrayBufferWriter<byte>(4096);
        WriteFileMetaData(new ThriftCompactWriter(footer));
        Write(footer.WrittenSpan);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, footer.WrittenCount);
        Write(length);
        Write(Magic);
        _output.Flush();
        if (!_leaveOpen) _output.Dispose();
    }

    private void WriteFileMetaData(ThriftCompactWriter thrift)
    {
        thrift.BeginStruct();
        thrift.I32(1, 1);
        thrift.BeginStructList(2, _names.Length + 1);
        thrift.BeginStruct();
        thrift.String(4, "schema");
        thrift.I32(5, _names.Length);
        thrift.EndStruct();
        for (int c = 0; c < _names.Length; c++)
        {
            thrift.BeginStruct();
            thrift.I32(1, PhysicalType(_types[c]));
            thrift.I32(3, 1); // OPTIONAL
            thrift.String(4, _names[c]);
            if (_types[c] == ColumnType.String)
            {
                thrift.I32(6, 0); // converted type UTF8
                thrift.BeginStructField(10); // logical type: STRING
                thrift.BeginStructField(1);
                thrift.EndStruct();
                thrift.EndStruct();
            }
            thrift.EndStruct();
        }
        thrift.I64(3, Rows);
        thrift.BeginStructList(4, _rowGroups.Count);
        for (int g = 0; g < _rowGroups.Count; g++)
        {
            var group = _rowGroups[g];
            thrift.BeginStruct();
            thrift.BeginStructList(1, group.Chunks.Length);
            for (int c = 0; c < group.Chunks.Length; c++) WriteColumnChunk(thrift, c, group.Chunks[c]);
            thrift.I64(2, group.Chunks.Sum(ch => (long)ch.Chunk.UncompressedSize));
            thrift.I64(3, group.Rows);
            thrift.I64(5, group.Offset);
            thrift.I64(6, group.Chunks.Sum(ch => (long)ch.Chunk.CompressedSize));
            thrift.I32(7, g); // ordinal (an i16 in the spec; the compact encoding is the same varint)
            thrift.EndStruct();
        }
        thrift.String(6, "Millrace (Millrace.Compute ParquetFileWriter)");
        thrift.EndStruct();
    }

    private void WriteColumnChunk(ThriftCompactWriter thrift, int column, ChunkFooter footer)
    {
        var chunk = footer.Chunk;
        thrift.BeginStruct();
        thrift.I64(2, footer.Start);
        thrift.BeginStructField(3);
        thrift.I32(1, PhysicalType(_types[column]));
        thrift.I32List(2, chunk.Dictionary ? [0, 3, 8] : [0, 3]); // PLAIN, RLE (levels), RLE_DICTIONARY
        thrift.StringList(3, [_names[column]]);
        thrift.I32(4, (int)_codec);
        thrift.I64(5, chunk.Values);
        thrift.I64(6, chunk.UncompressedSize);
        thrift.I64(7, chunk.CompressedSize);
        thrift.I64(9, footer.Start + chunk.DataPageOffset);
        if (chunk.Dictionary) thrift.I64(11, footer.Start);
        thrift.BeginStructField(12);
        thrift.I64(3, chunk.Nulls);
        if (chunk.Max is { } max) thrift.Binary(5, max);
        if (chunk.Min is { } min) thrift.Binary(6, min);
        thrift.EndStruct();
        thrift.EndStruct();
        thrift.EndStruct();
    }

    internal static int PhysicalType(ColumnType type) => type switch
    {
        ColumnType.Int64 => 2,
        ColumnType.Float64 => 5,
        _ => 6, // BYTE_ARRAY
    };

    private sealed record RowGroupFooter(int Rows, long Offset, ChunkFooter[] Chunks);

    private sealed record ChunkFooter(EncodedChunk Chunk, long Start);
}

/// <summary>One column chunk, encoded: its pages with their headers, and what the footer says about it.</summary>
internal sealed class EncodedChunk(int values, int nulls, int expectedBytes)
{
    /// <summary>The pages, in a buffer rented from the shared pool; sized up front from an estimate so that it rarely grows (each growth is a copy).</summary>
    public ArrayPoolBufferWriter<byte> Bytes { get; } = new(Math.Max(4096, expectedBytes));

    /// <summary>The size of the pages, kept for the footer once <see cref="Release"/> has returned their buffer.</summary>
    public int CompressedSize { get; private set; }

    /// <summary>Returns the pages' buffer to the pool once they are written out; the footer still has their size.</summary>
    public void Release()
    {
        CompressedSize = Bytes.WrittenCount;
        Bytes.Dispose();
    }

    public bool Dictionary { get; set; }

    public int DataPageOffset { get; set; }

    public int Values { get; } = values;

    public int Nulls { get; } = nulls;

    public int UncompressedSize { get; set; }

    public byte[]? Min { get; set; }

    public byte[]? Max { get; set; }
}

/// <summary>Encodes one column of a row group: definition levels, then dictionary indices or PLAIN values.</summary>
internal static class ColumnChunkEncoder
{
    public static EncodedChunk Encode(Column column, int[] rows, ParquetCodec codec) => column switch
    {
        StringColumn strings => EncodeStrings(strings, rows, codec),
        Int64Column longs => EncodeInt64(longs, rows, codec),
        Float64Column doubles => EncodeFloat64(doubles, rows, codec),
        _ => throw new NotSupportedException($"Column type {column.GetType().Name}."),
    };

    private static EncodedChunk EncodeStrings(StringColumn column, int[] rows, ParquetCodec codec)
    {
        var codes = column.Codes;
        // The rows' codes, renumbered densely in order of first use, so the chunk's dictionary holds only its values.
        var remap = ArrayPool<int>.Shared.Rent(Math.Max(1, column.DictionaryCount));
        var indices = ArrayPool<int>.Shared.Rent(rows.Length);
        int[]? defined = null;
        try
        {
            remap.AsSpan(0, column.DictionaryCount).Fill(-1);
            var used = new List<int>();
            // Rows up to the first missing value (all, in most chunks) in a loop of their own, then the rest.
            int present = MapCodes(codes, rows, remap, used, indices);
            for (int i = present; i < rows.Length; i++)
            {
                int code = codes[rows[i]];
                if (code < 0)
                {
                    Null(ref defined, i, rows.Length);
                    continue;
                }
                if (defined is not null) defined[i] = 1;
                int mapped = remap[code];
                if (mapped < 0) remap[code] = mapped = AddUsed(used, code);
                indices[present++] = mapped;
            }
            var chunk = new EncodedChunk(rows.Length, rows.Length - present, present * 3 + 1024);
            if (present == 0)
            {
                WritePlainDataPage(chunk, defined, [], codec);
                return chunk;
            }
            using var dictionary = new ArrayPoolBufferWriter<byte>(used.Count * 16);
            foreach (int code in used)
            {
                var utf8 = column.Utf8Of(code);
                var span = dictionary.GetSpan(utf8.Length + 4);
                BinaryPrimitives.WriteInt32LittleEndian(span, utf8.Length);
                utf8.CopyTo(span[4..]);
                dictionary.Advance(utf8.Length + 4);
            }
            WriteDictionaryPages(chunk, dictionary.WrittenMemory, used.Count, defined, indices.AsSpan(0, present), codec);
            return chunk;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(remap);
            ArrayPool<int>.Shared.Return(indices);
            if (defined is not null) ArrayPool<int>.Shared.Return(defined);
        }
    }

    /// <summary>
    /// Renumbers the codes of the rows into <paramref name="indices"/> until the first missing value: how many rows
    /// it took. A loop of few live values, kept out of <see cref="EncodeStrings"/> so that they stay in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int MapCodes(ReadOnlySpan<int> codes, int[] rows, int[] remap, List<int> used, int[] indices)
    {
        for (int i = 0; i < rows.Length; i++)
        {
            int code = codes[rows[i]];
            if (code < 0) return i;
            int mapped = remap[code];
            if (mapped < 0) remap[code] = mapped = AddUsed(used, code);
            indices[i] = mapped;
        }
        return rows.Length;
    }

    /// <summary>Records a null at row <paramref name="i"/>: the levels array is rented at the first null, earlier rows present.</summary>
    private static void Null(ref int[]? defined, int i, int length)
    {
        if (defined is null)
        {
            defined = ArrayPool<int>.Shared.Rent(length);
            defined.AsSpan(0, i).Fill(1);
        }
        defined[i] = 0;
    }

    private static int AddUsed(List<int> used, int code)
    {
        used.Add(code);
        return used.Count - 1;
    }

    private static EncodedChunk EncodeInt64(Int64Column column, int[] rows, ParquetCodec codec)
    {
        var values = column.Values;
        // Most integer columns: no missing value and a narrow range over the whole batch, which bounds the chunk's
        // rows. Their dictionary indices are then made in one pass over the rows, straight from the column.
        // A chunk whose dictionary failed here has too many distinct values for one: the general path writes it PLAIN.
        bool tryDictionary = true;
        if (column.Missing.IsEmpty && rows.Length > 0)
        {
            var (min, max) = NumericDictionary.MinMax(values);
            if ((ulong)(max - min) < NumericDictionary.MaxDirectRange)
            {
                if (NumericDictionary.TryBuildDirect(values, new NumericDictionary.Gathered(rows), min, (int)(max - min) + 1, DictionaryLimit(rows.Length), out var distinct, out var indices))
                {
                    var chunk = new EncodedChunk(rows.Length, 0, rows.Length * 3 + 1024);
                    SetRange(chunk, distinct, isDouble: false);
                    WriteDictionaryPages(chunk, MemoryMarshal.AsBytes(distinct.AsSpan()).ToArray(), distinct.Length, null, indices.AsSpan(0, rows.Length), codec);
                    ArrayPool<int>.Shared.Return(indices);
                    return chunk;
                }
                tryDictionary = false;
            }
        }
        var missing = column.Missing;
        var present = ArrayPool<long>.Shared.Rent(rows.Length);
        int[]? defined = null;
        try
        {
            int count = 0;
            for (int i = 0; i < rows.Length; i++)
            {
                int row = rows[i];
                if (!missing.IsEmpty && missing[row])
                {
                    Null(ref defined, i, rows.Length);
                    continue;
                }
                if (defined is not null) defined[i] = 1;
                present[count++] = values[row];
            }
            return EncodeNumeric(present.AsSpan(0, count), defined, rows.Length, isDouble: false, codec, tryDictionary);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(present);
            if (defined is not null) ArrayPool<int>.Shared.Return(defined);
        }
    }

    private static EncodedChunk EncodeFloat64(Float64Column column, int[] rows, ParquetCodec codec)
    {
        var values = column.Values;
        var present = ArrayPool<long>.Shared.Rent(rows.Length);
        int[]? defined = null;
        try
        {
            int count = 0;
            for (int i = 0; i < rows.Length; i++)
            {
                double value = values[rows[i]];
                // A missing row is null; a NaN of the data (Float64Column.PresentNaN) is written as the quiet NaN.
                if (double.IsNaN(value) && !Float64Column.IsPresentNaN(value))
                {
                    Null(ref defined, i, rows.Length);
                    continue;
                }
                if (defined is not null) defined[i] = 1;
                present[count++] = double.IsNaN(value) ? BitConverter.DoubleToInt64Bits(double.NaN) : BitConverter.DoubleToInt64Bits(value);
            }
            return EncodeNumeric(present.AsSpan(0, count), defined, rows.Length, isDouble: true, codec);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(present);
            if (defined is not null) ArrayPool<int>.Shared.Return(defined);
        }
    }

    /// <summary>Numbers as their 64 bits: a dictionary when few are distinct, PLAIN otherwise; min and max for the footer.</summary>
    private static EncodedChunk EncodeNumeric(ReadOnlySpan<long> present, int[]? defined, int rows, bool isDouble, ParquetCodec codec, bool tryDictionary = true)
    {
        var chunk = new EncodedChunk(rows, rows - present.Length, present.Length * 3 + 1024);
        if (present.IsEmpty)
        {
            WritePlainDataPage(chunk, defined, [], codec);
            return chunk;
        }
        if (tryDictionary && NumericDictionary.TryBuild(present, DictionaryLimit(present.Length), out var distinct, out var indices))
        {
            SetRange(chunk, distinct, isDouble);
            WriteDictionaryPages(chunk, MemoryMarshal.AsBytes(distinct.AsSpan()).ToArray(), distinct.Length, defined, indices.AsSpan(0, present.Length), codec);
            ArrayPool<int>.Shared.Return(indices);
        }
        else
        {
            SetRange(chunk, present, isDouble);
            WritePlainDataPage(chunk, defined, MemoryMarshal.AsBytes(present), codec);
        }
        return chunk;
    }

    /// <summary>The most distinct values a chunk of this many values is dictionary-encoded with: a quarter of them, at most <see cref="ParquetFileWriter.MaxNumericDictionary"/>.</summary>
    private static int DictionaryLimit(int values) => Math.Min(ParquetFileWriter.MaxNumericDictionary, Math.Max(1, values / 4));

    private static void SetRange(EncodedChunk chunk, ReadOnlySpan<long> bits, bool isDouble)
    {
        if (isDouble)
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            foreach (long b in bits)
            {
                double v = BitConverter.Int64BitsToDouble(b);
                if (double.IsNaN(v)) continue;
                if (v < min) min = v;
                if (v > max) max = v;
            }
            if (min <= max)
            {
                chunk.Min = BitConverter.GetBytes(min);
                chunk.Max = BitConverter.GetBytes(max);
            }
        }
        else
        {
            long min = long.MaxValue, max = long.MinValue;
            foreach (long v in bits)
            {
                if (v < min) min = v;
                if (v > max) max = v;
            }
            chunk.Min = BitConverter.GetBytes(min);
            chunk.Max = BitConverter.GetBytes(max);
        }
    }

    private static void WriteDictionaryPages(EncodedChunk chunk, ReadOnlyMemory<byte> dictionary, int entries, int[]? defined, ReadOnlySpan<int> indices, ParquetCodec codec)
    {
        chunk.Dictionary = true;
        WritePage(chunk, pageType: 2, dictionary, entries, encoding: 0, codec);
        chunk.DataPageOffset = chunk.Bytes.WrittenCount;
        int width = RleHybrid.BitWidth(entries - 1);
        // Levels (at most a bit per row) and indices (at most width bits each, plus run headers).
        using var payload = new ArrayPoolBufferWriter<byte>(chunk.Values / 8 + indices.Length / 8 * (width + 1) + 256);
        WriteLevels(payload, defined, chunk.Values);
        payload.GetSpan(1)[0] = (byte)width;
        payload.Advance(1);
        RleHybrid.Encode(indices, width, payload);
        WritePage(chunk, pageType: 0, payload.WrittenMemory, chunk.Values, encoding: 8, codec);
    }

    private static void WritePlainDataPage(EncodedChunk chunk, int[]? defined, ReadOnlySpan<byte> values, ParquetCodec codec)
    {
        chunk.DataPageOffset = chunk.Bytes.WrittenCount;
        using var payload = new ArrayPoolBufferWriter<byte>(values.Length + chunk.Values / 8 + 256);
        WriteLevels(payload, defined, chunk.Values);
        values.CopyTo(payload.GetSpan(values.Length));
        payload.Advance(values.Length);
        WritePage(chunk, pageType: 0, payload.WrittenMemory, chunk.Values, encoding: 0, codec);
    }

    /// <summary>Definition levels (1 present, 0 null) as a 4-byte length and the RLE hybrid, width 1; one run of 1s when <paramref name="defined"/> is null (no nulls).</summary>
    private static void WriteLevels(ArrayPoolBufferWriter<byte> payload, int[]? defined, int rows)
    {
        payload.GetSpan(4).Clear();
        payload.Advance(4);
        int before = payload.WrittenCount;
        if (defined is null) RleHybrid.Repeat(1, rows, 1, payload);
        else RleHybrid.Encode(defined.AsSpan(0, rows), 1, payload);
        // The buffer may have moved while the levels were written: the length goes in through the written memory.
        var written = MemoryMarshal.AsMemory(payload.WrittenMemory).Span;
        BinaryPrimitives.WriteInt32LittleEndian(written[(before - 4)..], payload.WrittenCount - before);
    }

    private static void WritePage(EncodedChunk chunk, int pageType, ReadOnlyMemory<byte> payload, int values, int encoding, ParquetCodec codec)
    {
        var compressed = PageCompression.Compress(codec, payload, out var rented);
        int before = chunk.Bytes.WrittenCount;
        var thrift = new ThriftCompactWriter(chunk.Bytes);
        thrift.BeginStruct();
        thrift.I32(1, pageType);
        thrift.I32(2, payload.Length);
        thrift.I32(3, compressed.Length);
        if (pageType == 2)
        {
            thrift.BeginStructField(7);
            thrift.I32(1, values);
            thrift.I32(2, encoding);
            thrift.EndStruct();
        }
        else
        {
            thrift.BeginStructField(5);
            thrift.I32(1, values);
            thrift.I32(2, encoding);
            thrift.I32(3, 3); // definition levels: RLE
            thrift.I32(4, 3); // repetition levels: RLE (none: the columns are flat)
            thrift.EndStruct();
        }
        thrift.EndStruct();
        chunk.UncompressedSize += chunk.Bytes.WrittenCount - before + payload.Length;
        compressed.Span.CopyTo(chunk.Bytes.GetSpan(compressed.Length));
        chunk.Bytes.Advance(compressed.Length);
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
    }
}

/// <summary>
/// The distinct 64-bit values of a chunk (in order of first appearance) and each value's index: through an array
/// indexed by <c>value − min</c> when the values span at most <see cref="MaxDirectRange"/> (most integer columns:
/// counts, codes, delays, distances), otherwise through an open-addressing table.
/// </summary>
internal static class NumericDictionary
{
    /// <summary>The widest span of values indexed directly, without hashing.</summary>
    public const int MaxDirectRange = 1 << 16;

    /// <summary>False when there are more than <paramref name="limit"/> distinct values. <paramref name="indices"/> is rented from <see cref="ArrayPool{T}.Shared"/> (at least as long as the values): return it.</summary>
    public static bool TryBuild(ReadOnlySpan<long> values, int limit, out long[] distinct, out int[] indices)
    {
        var (min, max) = MinMax(values);
        return values.Length > 0 && (ulong)(max - min) < MaxDirectRange
            ? TryBuildDirect(values, default(Identity), min, (int)(max - min) + 1, limit, out distinct, out indices)
            : TryBuildHashed(values, limit, out distinct, out indices);
    }

    /// <summary>The least and greatest value (<see cref="long.MaxValue"/> and <see cref="long.MinValue"/> when there is none), a vector at a time.</summary>
    public static (long Min, long Max) MinMax(ReadOnlySpan<long> values)
    {
        long min = long.MaxValue, max = long.MinValue;
        int i = 0;
        if (Vector256.IsHardwareAccelerated && values.Length >= Vector256<long>.Count)
        {
            ref long first = ref MemoryMarshal.GetReference(values);
            Vector256<long> low = Vector256.Create(long.MaxValue), high = Vector256.Create(long.MinValue);
            for (; i + Vector256<long>.Count <= values.Length; i += Vector256<long>.Count)
            {
                var value = Vector256.LoadUnsafe(ref first, (nuint)i);
                low = Vector256.Min(low, value);
                high = Vector256.Max(high, value);
            }
            for (int lane = 0; lane < Vector256<long>.Count; lane++)
            {
                min = Math.Min(min, low.GetElement(lane));
                max = Math.Max(max, high.GetElement(lane));
            }
        }
        for (; i < values.Length; i++)
        {
            min = Math.Min(min, values[i]);
            max = Math.Max(max, values[i]);
        }
        return (min, max);
    }

    /// <summary>Which value each index of a chunk takes: <see cref="Identity"/> or <see cref="Gathered"/> (specialised by the JIT, so no call per value).</summary>
    internal interface IRowMap
    {
        /// <summary>How many values the chunk has.</summary>
        int Count(ReadOnlySpan<long> values);

        /// <summary>The index into the values of the chunk's <paramref name="i"/>-th value.</summary>
        int Row(int i);
    }

    /// <summary>Every value, in order.</summary>
    internal readonly struct Identity : IRowMap
    {
        public int Count(ReadOnlySpan<long> values) => values.Length;

        public int Row(int i) => i;
    }

    /// <summary>The values at the given rows, in their order.</summary>
    internal readonly struct Gathered(int[] rows) : IRowMap
    {
        public int Count(ReadOnlySpan<long> values) => rows.Length;

        public int Row(int i) => rows[i];
    }

    /// <summary>
    /// The dictionary of the values <paramref name="map"/> picks, all within [<paramref name="min"/>, + <paramref name="range"/>),
    /// by an array indexed by <c>value − min</c>. False when there are more than <paramref name="limit"/> distinct values.
    /// </summary>
    internal static bool TryBuildDirect<TMap>(ReadOnlySpan<long> values, TMap map, long min, int range, int limit, out long[] distinct, out int[] indices)
        where TMap : struct, IRowMap
    {
        int count = map.Count(values);
        var index = ArrayPool<int>.Shared.Rent(range); // code + 1; 0 is not seen yet
        var codes = ArrayPool<int>.Shared.Rent(Math.Max(1, count));
        var found = new List<long>();
        try
        {
            index.AsSpan(0, range).Clear();
            for (int i = 0; i < count; i++)
            {
                long value = values[map.Row(i)];
                ref int entry = ref index[(int)(value - min)];
                if (entry == 0)
                {
                    if (found.Count == limit)
                    {
                        ArrayPool<int>.Shared.Return(codes);
                        (distinct, indices) = ([], []);
                        return false;
                    }
                    found.Add(value);
                    entry = found.Count;
                }
                codes[i] = entry - 1;
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(index);
        }
        (distinct, indices) = (found.ToArray(), codes);
        return true;
    }

    internal static bool TryBuildHashed(ReadOnlySpan<long> values, int limit, out long[] distinct, out int[] indices)
    {
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, Math.Min(values.Length, limit) * 2));
        int mask = capacity - 1, shift = 64 - BitOperations.Log2((uint)capacity);
        var keys = ArrayPool<long>.Shared.Rent(capacity);
        var slots = ArrayPool<int>.Shared.Rent(capacity); // code + 1; 0 is empty
        slots.AsSpan(0, capacity).Clear();
        var codes = ArrayPool<int>.Shared.Rent(Math.Max(1, values.Length));
        var found = new List<long>();
        try
        {
            long previous = 0;
            int previousCode = -1;
            for (int i = 0; i < values.Length; i++)
            {
                long value = values[i];
                if (previousCode >= 0 && value == previous)
                {
                    codes[i] = previousCode;
                    continue;
                }
                int slot = (int)(((ulong)value * 0x9E3779B97F4A7C15UL) >> shift);
                int code;
                while (true)
                {
                    int entry = slots[slot];
                    if (entry == 0)
                    {
                        if (found.Count == limit)
                        {
                            ArrayPool<int>.Shared.Return(codes);
                            (distinct, indices) = ([], []);
                            return false;
                        }
                        found.Add(value);
                        keys[slot] = value;
                        slots[slot] = found.Count;
                        code = found.Count - 1;
                        break;
                    }
                    if (keys[slot] == value)
                    {
                        code = entry - 1;
                        break;
                    }
                    slot = (slot + 1) & mask;
                }
                codes[i] = previousCode = code;
                previous = value;
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(slots);
        }
        (distinct, indices) = (found.ToArray(), codes);
        return true;
    }
}
