using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Millrace.Compute.IO;

/// <summary>The parser of a part without quotes, most files' only parser.</summary>
public sealed partial class CsvColumnReader
{
    /// <summary>
    /// Parses the parts of a block that has no quote in parallel, straight into the arrays of the block's columns:
    /// each part writes its rows at an offset of its own (the rows of the parts before it can number at most their
    /// lines), so the parts need no copying into one table afterwards, only closing up where blank lines left a gap
    /// and translating the string codes of each later part into the first part's dictionary. The arrays are sized
    /// to the line count, so no cell append checks capacity. Separators and newlines of 32 bytes at a time are
    /// found with a vector compare each and walked as a bit mask; each cell is converted where it ends: an integer
    /// of up to 8 digits with one load and a few word operations, a string of up to 16 bytes looked up by two
    /// masked loads. A bad row is found when its line ends: in strict mode it throws with its line and column,
    /// otherwise its cells become missing and it is listed.
    /// </summary>
    private sealed class UnquotedParser
    {
        /// <summary><c>LowBytes[n]</c> keeps the low <c>n</c> bytes of a word.</summary>
        private static readonly ulong[] LowBytes = [.. Enumerable.Range(0, 9).Select(n => n == 8 ? ulong.MaxValue : (1UL << (8 * n)) - 1)];

        private readonly CsvColumnReader _reader;
        private readonly BlockColumns _block;
        private readonly ColumnType[] _types;
        private readonly MissingMarkers _missing;
        private readonly bool _emptyIsMissing;

        /// <summary>Per first byte, whether a cell may be a missing marker: one load where the markers' test takes branches.</summary>
        private readonly bool[] _mayBeMissing = new bool[256];
        private readonly StringColumn?[] _strings;
        private readonly List<CsvBadRow> _badRows = [];
        private int _badColumn = -1;
        private string? _badProblem;

        private UnquotedParser(CsvColumnReader reader, BlockColumns block)
        {
            _reader = reader;
            _block = block;
            _types = block.Types;
            _missing = reader._missing;
            _emptyIsMissing = _missing.EmptyIsMissing;
            for (int b = 0; b < 256; b++) _mayBeMissing[b] = _missing.MayStartWith((byte)b);
            _strings = [.. _types.Select((type, c) => type == ColumnType.String ? new StringColumn(reader.ColumnNames[c]) : null)];
        }

        /// <summary>Parses the parts (buffer ranges, cut at row boundaries) into one table.</summary>
        public static ColumnarTable ParseParts(CsvColumnReader reader, (int Start, int Length, long FirstLine, int Lines)[] parts)
        {
            // A part of n newlines holds at most n + 1 rows.
            var offsets = new int[parts.Length + 1];
            for (int p = 0; p < parts.Length; p++) offsets[p + 1] = offsets[p] + parts[p].Lines + 1;
            var block = new BlockColumns(reader, offsets[^1]);
            var parsers = new UnquotedParser[parts.Length];
            var rows = new int[parts.Length];
            Parallel.For(0, parts.Length, p =>
            {
                parsers[p] = new UnquotedParser(reader, block);
                rows[p] = parsers[p].Parse(reader._buffer.AsSpan(parts[p].Start, parts[p].Length), parts[p].FirstLine, offsets[p]);
            });
            return block.Join(offsets, rows, parsers.Select(p => p._strings).ToArray(), parsers.Select(p => p._badRows).ToArray());
        }

        /// <summary>Parses a part's rows into the block from row <paramref name="firstRow"/> on; how many rows it held.</summary>
        // Not inlined into its Parallel.For body: compiled on its own, the cell conversions and the string lookup inline into it.
        [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
        private int Parse(ReadOnlySpan<byte> bytes, long firstLine, int firstRow)
        {
            int width = _types.Length, row = firstRow, column = 0, start = 0;
            long line = firstLine;
            byte separator = (byte)_reader.Separator;
            ref byte first = ref MemoryMarshal.GetReference(bytes);
            var separators256 = Vector256.Create(separator);
            var newlines256 = Vector256.Create((byte)'\n');
            // A last line without a newline is ended by one imagined just past the part.
            bool unterminated = bytes.Length > 0 && bytes[^1] != '\n';
            for (int i = 0; i < bytes.Length + (unterminated ? 1 : 0); i += 32)
            {
                uint separators = 0, newlines = 0;
                if (Vector256.IsHardwareAccelerated && i + 32 <= bytes.Length)
                {
                    var chunk = Vector256.LoadUnsafe(ref first, (nuint)i);
                    separators = Vector256.Equals(chunk, separators256).ExtractMostSignificantBits();
                    newlines = Vector256.Equals(chunk, newlines256).ExtractMostSignificantBits();
                }
                else
                {
                    for (int k = i; k < Math.Min(i + 32, bytes.Length); k++)
                    {
                        if (bytes[k] == separator) separators |= 1u << (k - i);
                        else if (bytes[k] == '\n') newlines |= 1u << (k - i);
                    }
                    if (unterminated && i + 32 > bytes.Length) newlines |= 1u << (bytes.Length - i);
                }
                for (uint ends = separators | newlines; ends != 0; ends &= ends - 1)
                {
                    int bit = BitOperations.TrailingZeroCount(ends), at = i + bit, end = at;
                    bool newline = (newlines >> bit & 1) != 0;
                    if (newline)
                    {
                        if (end > start && bytes[end - 1] == '\r') end--;
                        // A blank line is no row (unless the file has a single column, where it is one missing cell).
                        if (column == 0 && end == start && width > 1)
                        {
                            line++;
                            start = at + 1;
                            continue;
                        }
                    }
                    if (column < width) Cell(bytes, column, row, start, end);
                    if (newline)
                    {
                        if (column != width - 1 || _badColumn >= 0) Judge(row, column, line);
                        row++;
                        line++;
                        column = 0;
                    }
                    else column++;
                    start = at + 1;
                }
            }
            return row - firstRow;
        }

        /// <summary>Judges a row that has the wrong number of fields or a bad cell.</summary>
        private void Judge(int row, int lastColumn, long line)
        {
            int width = _types.Length;
            if (lastColumn + 1 != width) BadRow(row, line, -1, $"the row has {lastColumn + 1} fields where the header has {width}.");
            else BadRow(row, line, _badColumn, _badProblem!);
            _badColumn = -1;
        }

        /// <summary>Converts the cell [<paramref name="start"/>, <paramref name="end"/>) of a column into its row.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Cell(ReadOnlySpan<byte> bytes, int column, int row, int start, int end)
        {
            int length = end - start;
            bool missing = length == 0 ? _emptyIsMissing : _mayBeMissing[bytes[start]] && _missing.IsMissing(bytes.Slice(start, length));
            switch (_types[column])
            {
                case ColumnType.Int64:
                    long[] int64s = _block.Int64s[column]!;
                    if (!missing && TryParseInt64(bytes, start, length, out long integer))
                    {
                        int64s[row] = integer;
                        return;
                    }
                    int64s[row] = 0;
                    _block.Absent(column)[row] = true;
                    if (!missing) BadCell(column, bytes.Slice(start, length));
                    return;
                case ColumnType.Float64:
                    double[] float64s = _block.Float64s[column]!;
                    if (missing) float64s[row] = double.NaN;
                    else if (double.TryParse(bytes.Slice(start, length), NumberStyles.Float, CultureInfo.InvariantCulture, out double real)) float64s[row] = real;
                    else
                    {
                        float64s[row] = double.NaN;
                        BadCell(column, bytes.Slice(start, length));
                    }
                    return;
                default:
                    _block.Codes[column]![row] = missing ? -1 : CodeOf(_strings[column]!, bytes, start, length);
                    return;
            }
        }

        /// <summary>A string's code; one of up to 16 bytes is packed with two masked loads when the part has 16 bytes from its start.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int CodeOf(StringColumn strings, ReadOnlySpan<byte> bytes, int start, int length)
        {
            var cell = bytes.Slice(start, length);
            if (length > 16 || start + 16 > bytes.Length) return strings.CodeOf(cell);
            ref byte at = ref Unsafe.Add(ref MemoryMarshal.GetReference(bytes), start);
            ulong low = Unsafe.ReadUnaligned<ulong>(ref at) & LowBytes[Math.Min(length, 8)];
            ulong high = length > 8 ? Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref at, 8)) & LowBytes[length - 8] : 0;
            return strings.CodeOfPacked(low, high, cell);
        }

        /// <summary>
        /// An integer of up to 8 digits (after an optional '-') is read with one load: the digits are checked all at
        /// once (each byte XOR '0' must be at most 9) and combined pairwise in three multiplies. Anything else takes
        /// <see cref="Int64Column.TryParse(ReadOnlySpan{byte}, out long)"/>.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool TryParseInt64(ReadOnlySpan<byte> bytes, int start, int length, out long value)
        {
            if ((uint)(length - 1) < 9 && start + 8 <= bytes.Length)
            {
                ulong word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref MemoryMarshal.GetReference(bytes), start));
                bool negative = (byte)word == '-';
                int digits = negative ? length - 1 : length;
                if (negative) word >>= 8;
                if ((uint)(digits - 1) < 8)
                {
                    ulong mask = LowBytes[digits];
                    ulong x = (word ^ 0x3030303030303030UL) & mask;
                    if ((((x + 0x7676767676767676UL) | x) & 0x8080808080808080UL) == 0)
                    {
                        // The first digit is the lowest byte; shifting leaves the missing leading digits as zeros.
                        x <<= 8 * (8 - digits);
                        x = (x * 10 + (x >> 8)) & 0x00FF00FF00FF00FFUL;
                        x = (x * 100 + (x >> 16)) & 0x0000FFFF0000FFFFUL;
                        x = (x * 10000 + (x >> 32)) & 0xFFFFFFFFUL;
                        value = negative ? -(long)x : (long)x;
                        return true;
                    }
                }
            }
            return Int64Column.TryParse(bytes.Slice(start, length), out value);
        }

        /// <summary>Notes the first bad cell of the current row; the row is judged when its line ends.</summary>
        private void BadCell(int column, ReadOnlySpan<byte> cell)
        {
            if (_badColumn >= 0) return;
            _badColumn = column;
            _badProblem = _reader.NotOfType(column, System.Text.Encoding.UTF8.GetString(cell));
        }

        /// <summary>Throws for a bad row, or (reading past bad rows) makes its cells missing and lists it.</summary>
        private void BadRow(int row, long line, int column, string problem)
        {
            string? name = column < 0 ? null : _reader.ColumnNames[column];
            if (!_reader._options.KeepReadingPastBadRows) throw new CsvFormatException(_reader._path, line, name, problem);
            for (int c = 0; c < _types.Length; c++)
            {
                switch (_types[c])
                {
                    case ColumnType.Int64:
                        _block.Int64s[c]![row] = 0;
                        _block.Absent(c)[row] = true;
                        break;
                    case ColumnType.Float64: _block.Float64s[c]![row] = double.NaN; break;
                    default: _block.Codes[c]![row] = -1; break;
                }
            }
            _badRows.Add(new CsvBadRow(line, name, column + 1, problem, row));
        }
    }

    /// <summary>The arrays of a block's columns, which the parts of <see cref="UnquotedParser"/> fill side by side.</summary>
    private sealed class BlockColumns
    {
        private readonly CsvColumnReader _reader;
        private readonly int _capacity;
        private readonly bool[]?[] _absent;

        public BlockColumns(CsvColumnReader reader, int capacity)
        {
            _reader = reader;
            _capacity = capacity;
            Types = [.. reader.ColumnTypes];
            int width = Types.Length;
            (Int64s, Float64s, Codes, _absent) = (new long[width][], new double[width][], new int[width][], new bool[width][]);
            for (int c = 0; c < width; c++)
            {
                // Every row's cell is written (a bad row's as missing), so the arrays need no zeroing; a recycled block's are reused.
                switch (Types[c])
                {
                    case ColumnType.Int64: Int64s[c] = reader._spares.Rent<long>(capacity); break;
                    case ColumnType.Float64: Float64s[c] = reader._spares.Rent<double>(capacity); break;
                    default: Codes[c] = reader._spares.Rent<int>(capacity); break;
                }
            }
        }

        public ColumnType[] Types { get; }

        public long[]?[] Int64s { get; }

        public double[]?[] Float64s { get; }

        public int[]?[] Codes { get; }

        /// <summary>The missing flags of an Int64 column, made by whichever part first needs them.</summary>
        public bool[] Absent(int column) =>
            Volatile.Read(ref _absent[column]) ?? Interlocked.CompareExchange(ref _absent[column], _reader._spares.Rent<bool>(_capacity, zeroed: true), null) ?? _absent[column]!;

        /// <summary>
        /// The block as one table: each part's rows (from <c>offsets[p]</c>, <c>rows[p]</c> of them) moved up to follow the
        /// previous part's, and each later part's string codes translated into the first part's dictionary.
        /// </summary>
        public ColumnarTable Join(int[] offsets, int[] rows, StringColumn?[][] strings, List<CsvBadRow>[] badRows)
        {
            int total = rows[0];
            var bad = new List<CsvBadRow>(badRows[0]);
            for (int p = 1; p < rows.Length; p++)
            {
                if (offsets[p] != total) MoveRows(offsets[p], total, rows[p]);
                for (int c = 0; c < Types.Length; c++)
                    if (strings[p][c] is { } part) Translate(part, strings[0][c]!, Codes[c].AsSpan(total, rows[p]));
                bad.AddRange(badRows[p].Select(b => b with { RowIndex = b.RowIndex - offsets[p] + total }));
                total += rows[p];
            }
            var columns = new Column[Types.Length];
            for (int c = 0; c < columns.Length; c++)
            {
                string name = _reader.ColumnNames[c];
                switch (Types[c])
                {
                    case ColumnType.Int64: columns[c] = Int64Column.Adopt(name, Int64s[c]!, _absent[c], total); break;
                    case ColumnType.Float64: columns[c] = Float64Column.Adopt(name, Float64s[c]!, total); break;
                    default:
                        strings[0][c]!.AdoptCodes(Codes[c]!, total);
                        columns[c] = strings[0][c]!;
                        break;
                }
            }
            var table = new ColumnarTable(columns);
            foreach (var row in bad) table.AddBadRow(row);
            return table;
        }

        private void MoveRows(int from, int to, int count)
        {
            for (int c = 0; c < Types.Length; c++)
            {
                if (Int64s[c] is { } int64s) Array.Copy(int64s, from, int64s, to, count);
                if (Float64s[c] is { } float64s) Array.Copy(float64s, from, float64s, to, count);
                if (Codes[c] is { } codes) Array.Copy(codes, from, codes, to, count);
                if (_absent[c] is { } absent) Array.Copy(absent, from, absent, to, count);
            }
        }

        /// <summary>Rewrites codes of <paramref name="part"/>'s dictionary as codes of <paramref name="target"/>'s, adding the values it lacks.</summary>
        private static void Translate(StringColumn part, StringColumn target, Span<int> codes)
        {
            var map = new int[part.DictionaryCount];
            bool same = true;
            for (int code = 0; code < map.Length; code++) same &= (map[code] = target.CodeOf(part.Utf8Of(code))) == code;
            if (same) return;
            foreach (ref int code in codes)
                if (code >= 0) code = map[code];
        }
    }
}
