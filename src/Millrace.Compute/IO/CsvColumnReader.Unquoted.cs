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
    /// Parses one part of a block that has no quote straight into arrays of its columns, sized to its line count
    /// so that no cell append checks capacity. Separators and newlines of 32 bytes at a time are found with a
    /// vector compare each and walked as a bit mask; each cell is converted where it ends: an integer of up to 8
    /// digits with one load and a few word operations, a string of up to 16 bytes looked up by two masked loads.
    /// A quote ends the attempt (the caller hands the part to Sep). A bad row is found when its line ends: in
    /// strict mode it throws with its line and column, otherwise its cells become missing and it is listed.
    /// </summary>
    private sealed class UnquotedParser
    {
        /// <summary><c>LowBytes[n]</c> keeps the low <c>n</c> bytes of a word.</summary>
        private static readonly ulong[] LowBytes = [.. Enumerable.Range(0, 9).Select(n => n == 8 ? ulong.MaxValue : (1UL << (8 * n)) - 1)];

        private readonly CsvColumnReader _reader;
        private readonly ColumnType[] _types;
        private readonly MissingMarkers _missing;
        private readonly bool _emptyIsMissing;
        private readonly int _capacity;
        private readonly long[]?[] _int64s;
        private readonly bool[]?[] _absent;
        private readonly double[]?[] _float64s;
        private readonly int[]?[] _codes;
        private readonly StringColumn?[] _strings;
        private readonly List<CsvBadRow> _badRows = [];
        private int _badColumn = -1;
        private string? _badProblem;

        public UnquotedParser(CsvColumnReader reader, int lines)
        {
            _reader = reader;
            _types = [.. reader.ColumnTypes];
            _missing = reader._missing;
            _emptyIsMissing = _missing.EmptyIsMissing;
            _capacity = lines;
            int width = _types.Length;
            (_int64s, _absent, _float64s, _codes, _strings) = (new long[width][], new bool[width][], new double[width][], new int[width][], new StringColumn[width]);
            for (int c = 0; c < width; c++)
            {
                // Every row's cell is written (a bad row's as missing), so the arrays need no zeroing.
                switch (_types[c])
                {
                    case ColumnType.Int64: _int64s[c] = GC.AllocateUninitializedArray<long>(lines); break;
                    case ColumnType.Float64: _float64s[c] = GC.AllocateUninitializedArray<double>(lines); break;
                    default:
                        _codes[c] = GC.AllocateUninitializedArray<int>(lines);
                        _strings[c] = new StringColumn(reader.ColumnNames[c]);
                        break;
                }
            }
        }

        /// <summary>The part's rows as a table, or <see langword="null"/> when the part has a quote.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public ColumnarTable? Parse(ReadOnlySpan<byte> bytes, long firstLine)
        {
            int width = _types.Length, row = 0, column = 0, start = 0;
            long line = firstLine;
            byte separator = (byte)_reader.Separator;
            ref byte first = ref MemoryMarshal.GetReference(bytes);
            var separators256 = Vector256.Create(separator);
            var newlines256 = Vector256.Create((byte)'\n');
            var quotes256 = Vector256.Create((byte)'"');
            for (int i = 0; i < bytes.Length; i += 32)
            {
                uint separators = 0, newlines = 0;
                if (Vector256.IsHardwareAccelerated && i + 32 <= bytes.Length)
                {
                    var chunk = Vector256.LoadUnsafe(ref first, (nuint)i);
                    if (Vector256.EqualsAny(chunk, quotes256)) return null;
                    separators = Vector256.Equals(chunk, separators256).ExtractMostSignificantBits();
                    newlines = Vector256.Equals(chunk, newlines256).ExtractMostSignificantBits();
                }
                else
                {
                    for (int k = i; k < Math.Min(i + 32, bytes.Length); k++)
                    {
                        if (bytes[k] == '"') return null;
                        if (bytes[k] == separator) separators |= 1u << (k - i);
                        else if (bytes[k] == '\n') newlines |= 1u << (k - i);
                    }
                }
                for (uint ends = separators | newlines; ends != 0; ends &= ends - 1)
                {
                    int bit = BitOperations.TrailingZeroCount(ends), at = i + bit;
                    if ((newlines >> bit & 1) == 0)
                    {
                        if (column < width) Cell(bytes, column, row, start, at);
                        column++;
                    }
                    else
                    {
                        if (EndLine(bytes, column, row, start, at, line++)) row++;
                        column = 0;
                    }
                    start = at + 1;
                }
            }
            // The last line may have no newline.
            if ((start < bytes.Length || column > 0) && EndLine(bytes, column, row, start, bytes.Length, line)) row++;
            return Table(row);
        }

        /// <summary>Ends the line whose last cell is [<paramref name="start"/>, <paramref name="at"/>); whether it was a row.</summary>
        private bool EndLine(ReadOnlySpan<byte> bytes, int column, int row, int start, int at, long line)
        {
            int end = at > start && bytes[at - 1] == '\r' ? at - 1 : at, width = _types.Length;
            // A blank line is no row (unless the file has a single column, where it is one missing cell).
            if (column == 0 && end == start && width > 1) return false;
            if (column < width) Cell(bytes, column, row, start, end);
            if (column + 1 != width) BadRow(row, line, -1, $"the row has {column + 1} fields where the header has {width}.");
            else if (_badColumn >= 0) BadRow(row, line, _badColumn, _badProblem!);
            _badColumn = -1;
            return true;
        }

        /// <summary>Converts the cell [<paramref name="start"/>, <paramref name="end"/>) of a column into its row.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Cell(ReadOnlySpan<byte> bytes, int column, int row, int start, int end)
        {
            int length = end - start;
            bool missing = length == 0 ? _emptyIsMissing : _missing.MayStartWith(bytes[start]) && _missing.IsMissing(bytes.Slice(start, length));
            switch (_types[column])
            {
                case ColumnType.Int64:
                    long[] int64s = _int64s[column]!;
                    if (!missing && TryParseInt64(bytes, start, length, out long integer))
                    {
                        int64s[row] = integer;
                        return;
                    }
                    int64s[row] = 0;
                    (_absent[column] ??= new bool[_capacity])[row] = true;
                    if (!missing) BadCell(column, bytes.Slice(start, length));
                    return;
                case ColumnType.Float64:
                    double[] float64s = _float64s[column]!;
                    if (missing) float64s[row] = double.NaN;
                    else if (double.TryParse(bytes.Slice(start, length), NumberStyles.Float, CultureInfo.InvariantCulture, out double real)) float64s[row] = real;
                    else
                    {
                        float64s[row] = double.NaN;
                        BadCell(column, bytes.Slice(start, length));
                    }
                    return;
                default:
                    _codes[column]![row] = missing ? -1 : CodeOf(_strings[column]!, bytes, start, length);
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
                        _int64s[c]![row] = 0;
                        (_absent[c] ??= new bool[_capacity])[row] = true;
                        break;
                    case ColumnType.Float64: _float64s[c]![row] = double.NaN; break;
                    default: _codes[c]![row] = -1; break;
                }
            }
            _badRows.Add(new CsvBadRow(line, name, column + 1, problem, row));
        }

        private ColumnarTable Table(int rows)
        {
            var columns = new Column[_types.Length];
            for (int c = 0; c < columns.Length; c++)
            {
                string name = _reader.ColumnNames[c];
                columns[c] = _types[c] switch
                {
                    ColumnType.Int64 => Int64Column.Adopt(name, _int64s[c]!, _absent[c], rows),
                    ColumnType.Float64 => Float64Column.Adopt(name, _float64s[c]!, rows),
                    _ => _strings[c]!,
                };
                if (_types[c] == ColumnType.String) _strings[c]!.AdoptCodes(_codes[c]!, rows);
            }
            var table = new ColumnarTable(columns);
            foreach (var bad in _badRows) table.AddBadRow(bad);
            return table;
        }
    }
}
