using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Millrace.Compute.IO;

/// <summary>The parser of a part without quotes, most files' only parser.</summary>
public sealed partial class CsvColumnReader
{
    /// <summary>
    /// Parses the parts of a block that has no quote in parallel, straight into the arrays of the block's columns:
    /// each part writes its rows at an offset of its own (the rows of the parts before it can number at most their
    /// lines), so the parts need no copying into one table afterwards, only closing up where blank lines left a gap
    /// and translating the string codes of each later part into the first part's dictionary. The arrays are sized
    /// to the line count, so no cell append checks capacity.
    /// A part is parsed a batch of rows at a time, in two passes that each keep their state in registers: the
    /// first finds the separators and newlines of 32 bytes at a time with a vector compare each and notes where each
    /// cell ends; the second converts the batch's cells column by column, in a loop of the column's type: an
    /// integer of up to 8 digits with one load and a few word operations, a string of up to 16 bytes looked up by
    /// two masked loads. Every other cell (missing markers, long values, bad cells) takes one general method. Bad
    /// rows are judged after their batch: in strict mode the first throws with its line and column, otherwise
    /// their cells become missing and they are listed.
    /// </summary>
    private sealed class UnquotedParser
    {
        /// <summary>About how many cells a batch holds: its cell ends and its text stay in the cache between the passes.</summary>
        private const int BatchCells = 16384;

        private readonly CsvColumnReader _reader;
        private readonly BlockColumns _block;
        private readonly ColumnType[] _types;
        private readonly MissingMarkers _missing;
        private readonly bool _emptyIsMissing;

        /// <summary>Per first byte, whether a cell may be a missing marker: one load where the markers' test takes branches.</summary>
        private readonly bool[] _mayBeMissing = new bool[256];
        private readonly StringColumn?[] _strings;
        private readonly List<CsvBadRow> _badRows = [];

        // The batch's rows (of the part, from 0) with the wrong number of fields, and its bad cells.
        private readonly List<(int Row, int Fields)> _ragged = [];
        private readonly List<(int Row, int Column, string Problem)> _badCells = [];

        /// <summary>For each blank line of the part, the row (of the part) that follows it: rows to line numbers.</summary>
        private readonly List<int> _blankLinesBefore = [];

        // Where the first pass stopped: the next 32-byte chunk, the fields ended and the start of the row it is in,
        // the entry before that row's first cell and the next entry.
        private int _next, _column, _rowStart, _rowEntry, _nextEntry = 1;

        /// <summary>The batch's row starts and cell ends, as <see cref="Tokenize"/> notes them.</summary>
        private int[] _ends = [];

        /// <summary>The rows of a batch that a conversion loop leaves to <see cref="Cell"/>.</summary>
        private int[] _others = [];

        /// <summary>The part's rows before the batch.</summary>
        private int _rowsBefore;

        /// <summary>The block row of the part's first row.</summary>
        private int _firstRowOfPart;

        private UnquotedParser(CsvColumnReader reader, BlockColumns block)
        {
            _reader = reader;
            _block = block;
            _types = block.Types;
            _missing = reader._missing;
            _emptyIsMissing = _missing.EmptyIsMissing;
            for (int b = 0; b < 256; b++) _mayBeMissing[b] = _missing.MayStartWith((byte)b);
            _strings = [.. _types.Select((type, c) => type == ColumnType.String ? reader.NewStringColumn(c) : null)];
        }

        /// <summary>Parses the parts (buffer ranges, cut at row boundaries) into one table.</summary>
        public static ColumnarTable ParseParts(CsvColumnReader reader, (int Start, int Length, long FirstLine, int Lines)[] parts)
        {
            // A part of n newlines holds at most n rows, n + 1 when its last line has none (the file's end): each
            // part's rows start where the rows before can end, so the join moves no rows unless blank lines left a gap.
            var offsets = new int[parts.Length + 1];
            for (int p = 0; p < parts.Length; p++)
            {
                bool closed = parts[p].Length > 0 && reader._buffer[parts[p].Start + parts[p].Length - 1] == (byte)'\n';
                offsets[p + 1] = offsets[p] + parts[p].Lines + (closed ? 0 : 1);
            }
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
        private int Parse(ReadOnlySpan<byte> bytes, long firstLine, int firstRow)
        {
            int width = _types.Length, batchRows = Math.Max(BatchCells / width, 64);
            _firstRowOfPart = firstRow;
            // A batch stops at the end of a 32-byte chunk, which ends at most 32 rows (and holds at most 32 ends), and
            // the row it stops in carries over.
            int[] ends = _ends = ArrayPool<int>.Shared.Rent((batchRows + 34) * width + 64);
            _others = ArrayPool<int>.Shared.Rent(batchRows + 32);
            // The entry before the part's first row: the part starts a row.
            ends[0] = -1;
            try
            {
                int rows = 0;
                bool more = true;
                while (more)
                {
                    (int batch, more) = Tokenize(bytes, ends, batchRows, rows);
                    _rowsBefore = rows;
                    for (int c = 0; c < width; c++)
                    {
                        switch (_types[c])
                        {
                            case ColumnType.Int64: ConvertInt64s(bytes, c, batch, _block.Int64s[c].AsSpan(firstRow + rows, batch)); break;
                            case ColumnType.String: ConvertStrings(bytes, c, batch, _block.Codes[c].AsSpan(firstRow + rows, batch)); break;
                            default: ConvertOthers(bytes, c, batch); break;
                        }
                    }
                    JudgeBatch(firstLine);
                    rows += batch;
                    // The entries of the row the batch stopped in move to the front.
                    Array.Copy(ends, _rowEntry, ends, 0, _nextEntry - _rowEntry);
                }
                return rows;
            }
            finally
            {
                ArrayPool<int>.Shared.Return(ends);
                ArrayPool<int>.Shared.Return(_others);
            }
        }

        /// <summary>
        /// The first pass: notes where each cell of up to <paramref name="batchRows"/> rows (and those of the chunk the
        /// batch fills in) ends, from where the last call stopped, into <paramref name="ends"/>: after one entry for the
        /// position just before the first row, width entries a row, its separators and its newline, so that cell c of
        /// row r lies between entries r × width + c and the next. The last cell of a row may end with the '\r' of a
        /// CRLF or the newlines of blank lines after it, which the conversion trims. Returns how many rows ended and
        /// whether bytes remain.
        /// A chunk's ends are noted in one go, and its newlines checked to close rows of exactly width fields; a chunk
        /// where one does not (a ragged row, a blank line) is noted again end by end.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
        private (int Rows, bool More) Tokenize(ReadOnlySpan<byte> bytes, int[] ends, int batchRows, int rowsBefore)
        {
            int size = bytes.Length, width = _types.Length, i = _next, column = _column, rowStart = _rowStart, rows = 0;
            int rowEntry = 0, next = _nextEntry - _rowEntry;
            ref byte first = ref MemoryMarshal.GetReference(bytes);
            ref int entry = ref MemoryMarshal.GetArrayDataReference(ends);
            var separators256 = Vector256.Create((byte)_reader.Separator);
            var newlines256 = Vector256.Create((byte)'\n');
            // A last line without a newline is ended by one imagined just past the part.
            bool unterminated = size > 0 && bytes[^1] != '\n';
            int limit = size + (unterminated ? 1 : 0);
            for (; i < limit && rows < batchRows; i += 32)
            {
                uint separators, newlines;
                if (Vector256.IsHardwareAccelerated && i + 32 <= size)
                {
                    var chunk = Vector256.LoadUnsafe(ref first, (nuint)i);
                    separators = Vector256.Equals(chunk, separators256).ExtractMostSignificantBits();
                    newlines = Vector256.Equals(chunk, newlines256).ExtractMostSignificantBits();
                }
                else (separators, newlines) = MasksOfTail(bytes, i, (byte)_reader.Separator, unterminated);
                uint all = separators | newlines;
                if (all == 0) continue;
                // A row longer than width goes end by end to its newline, which counts its fields.
                bool regular = column < width;
                // Every end in order (unchecked: the array holds 32 entries past any batch); then each newline must
                // close a row of exactly width entries, and the row left open hold fewer.
                var (chunkNext, chunkRows, chunkRowEntry, chunkColumn, chunkRowStart) = (next, rows, rowEntry, column, rowStart);
                if (regular)
                    for (uint left = all; left != 0; left &= left - 1) Unsafe.Add(ref entry, next++) = i + BitOperations.TrailingZeroCount(left);
                for (uint left = regular ? newlines : 0; left != 0; left &= left - 1)
                {
                    // The newline's entry: the chunk's first, plus the ends before it in the chunk.
                    int bit = BitOperations.TrailingZeroCount(left), index = chunkNext + BitOperations.PopCount(all & ((1u << bit) - 1));
                    if (index - rowEntry != width)
                    {
                        regular = false;
                        break;
                    }
                    (rowEntry, rowStart) = (index, i + bit + 1);
                    rows++;
                }
                if (regular && next - 1 - rowEntry < width)
                {
                    column = next - 1 - rowEntry;
                    continue;
                }
                (next, rows, rowEntry, column, rowStart) = (chunkNext, chunkRows, chunkRowEntry, chunkColumn, chunkRowStart);
                for (uint left = all; left != 0; left &= left - 1)
                {
                    int bit = BitOperations.TrailingZeroCount(left), at = i + bit;
                    if ((newlines >> bit & 1) == 0)
                    {
                        if (column < width - 1) ends[next++] = at;
                        column++;
                        continue;
                    }
                    // A blank line is no row (unless the file has a single column, where it is one missing cell): the
                    // entry before the next row's first cell moves to its newline.
                    if (column == 0 && width > 1 && (at == rowStart || (at == rowStart + 1 && Unsafe.Add(ref first, rowStart) == '\r')))
                    {
                        _blankLinesBefore.Add(rowsBefore + rows);
                        ends[rowEntry] = at;
                        rowStart = at + 1;
                        continue;
                    }
                    if (column != width - 1)
                    {
                        // A short row's missing cells end where it does (the second pass sees them empty); a long one's last cell runs to its newline.
                        _ragged.Add((rowsBefore + rows, column + 1));
                        for (int c = column; c < width - 1; c++) ends[next++] = at;
                    }
                    ends[next++] = at;
                    (rowEntry, rowStart, column) = (next - 1, at + 1, 0);
                    rows++;
                }
            }
            (_next, _column, _rowStart, _rowEntry, _nextEntry) = (i, column, rowStart, rowEntry, next);
            return (rows, i < limit);
        }

        /// <summary>The separator and newline masks of the 32 bytes from <paramref name="i"/> byte by byte: a part's tail, or a machine without vectors.</summary>
        private static (uint Separators, uint Newlines) MasksOfTail(ReadOnlySpan<byte> bytes, int i, byte separator, bool unterminated)
        {
            uint separators = 0, newlines = 0;
            for (int k = i; k < Math.Min(i + 32, bytes.Length); k++)
            {
                if (bytes[k] == separator) separators |= 1u << (k - i);
                else if (bytes[k] == '\n') newlines |= 1u << (k - i);
            }
            if (unterminated && i + 32 > bytes.Length) newlines |= 1u << (bytes.Length - i);
            return (separators, newlines);
        }

        /// <summary>
        /// The cells of an Int64 column in a batch, into <paramref name="values"/>: row r's cell lies between the entries
        /// r × width + column and the next of the batch's ends (see <see cref="Tokenize"/>). The arrays are read
        /// unchecked: the indices stay below the batch's entries by construction, and a cell is read only when 16 bytes
        /// from its start lie in the part. (Few parameters and locals: more would live on the stack and be read from
        /// there each row.)
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
        private void ConvertInt64s(ReadOnlySpan<byte> bytes, int column, int rows, Span<long> values)
        {
            int[] ends = _ends, others = _others;
            int size = bytes.Length, width = _types.Length, count = 0;
            bool last = column == width - 1;
            Debug.Assert(rows == 0 || ((rows - 1) * width + column + 1 < ends.Length && rows <= values.Length && rows <= others.Length));
            ref byte first = ref MemoryMarshal.GetReference(bytes);
            ref bool mayBeMissing = ref MemoryMarshal.GetArrayDataReference(_mayBeMissing);
            ref int entry = ref MemoryMarshal.GetArrayDataReference(ends), other = ref MemoryMarshal.GetArrayDataReference(others);
            ref long value = ref MemoryMarshal.GetReference(values);
            for (int r = 0, e = column; r < rows; r++, e += width)
            {
                int start = Unsafe.Add(ref entry, e) + 1, end = Unsafe.Add(ref entry, e + 1);
                if (last) end = TrimLineEnd(ref first, start, end);
                if (start + 16 <= size && !Unsafe.Add(ref mayBeMissing, Unsafe.Add(ref first, start))
                    && TryParseDigits(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, start)), end - start, out long parsed))
                    Unsafe.Add(ref value, r) = parsed;
                else Unsafe.Add(ref other, count++) = r;
            }
            // Out of the loop, which then makes no call and keeps its state in registers.
            foreach (int r in others.AsSpan(0, count)) BatchCell(bytes, column, r);
        }

        /// <summary>The cells of a String column in a batch, into <paramref name="codes"/>, read as by <see cref="ConvertInt64s"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
        private void ConvertStrings(ReadOnlySpan<byte> bytes, int column, int rows, Span<int> codes)
        {
            int[] ends = _ends;
            int size = bytes.Length, width = _types.Length;
            bool last = column == width - 1;
            Debug.Assert(rows == 0 || ((rows - 1) * width + column + 1 < ends.Length && rows <= codes.Length));
            ref byte first = ref MemoryMarshal.GetReference(bytes);
            ref bool mayBeMissing = ref MemoryMarshal.GetArrayDataReference(_mayBeMissing);
            ref int entry = ref MemoryMarshal.GetArrayDataReference(ends);
            ref int code = ref MemoryMarshal.GetReference(codes);
            var strings = _strings[column]!;
            for (int r = 0, e = column; r < rows; r++, e += width)
            {
                int start = Unsafe.Add(ref entry, e) + 1, end = Unsafe.Add(ref entry, e + 1);
                if (last) end = TrimLineEnd(ref first, start, end);
                int length = end - start;
                if ((uint)(length - 1) < 16 && start + 16 <= size && !Unsafe.Add(ref mayBeMissing, Unsafe.Add(ref first, start)))
                {
                    ref byte at = ref Unsafe.Add(ref first, start);
                    Unsafe.Add(ref code, r) = strings.CodeOfPacked(LowBytes(Unsafe.ReadUnaligned<ulong>(ref at), Math.Min(length, 8)),
                        LowBytes(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref at, 8)), Math.Max(length - 8, 0)), MemoryMarshal.CreateReadOnlySpan(ref at, length));
                }
                else BatchCell(bytes, column, r);
            }
        }

        /// <summary>The cells of any other column (Float64) in a batch, each by <see cref="Cell"/>.</summary>
        private void ConvertOthers(ReadOnlySpan<byte> bytes, int column, int rows)
        {
            for (int r = 0; r < rows; r++) BatchCell(bytes, column, r);
        }

        /// <summary>The end of a row's last cell without the '\r' of a CRLF or the newlines of blank lines after it (see <see cref="Tokenize"/>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int TrimLineEnd(ref byte first, int start, int end)
        {
            while (end > start && Unsafe.Add(ref first, end - 1) is (byte)'\r' or (byte)'\n') end--;
            return end;
        }

        /// <summary>Converts cell <paramref name="column"/> of row <paramref name="row"/> of the batch by <see cref="Cell"/>.</summary>
        private void BatchCell(ReadOnlySpan<byte> bytes, int column, int row)
        {
            int e = row * _types.Length + column, start = _ends[e] + 1, end = _ends[e + 1];
            if (column == _types.Length - 1) end = TrimLineEnd(ref MemoryMarshal.GetReference(bytes), start, end);
            Cell(bytes, column, _rowsBefore + row, start, end);
        }

        /// <summary>
        /// Converts the cell [<paramref name="start"/>, <paramref name="end"/>) of a column into its row (of the part):
        /// every case, for the cells that the loops' fast paths leave (missing markers, reals, long values, bad cells,
        /// a part's last bytes). A short row's missing cells (start past end) are empty.
        /// </summary>
        private void Cell(ReadOnlySpan<byte> bytes, int column, int partRow, int start, int end)
        {
            int length = Math.Max(end - start, 0), row = partRow + _firstRowOfPart;
            var cell = bytes.Slice(Math.Min(start, end), length);
            bool missing = length == 0 ? _emptyIsMissing : _missing.IsMissing(cell);
            switch (_types[column])
            {
                case ColumnType.Int64:
                    long[] int64s = _block.Int64s[column]!;
                    if (!missing && Int64Column.TryParse(cell, out long integer))
                    {
                        int64s[row] = integer;
                        return;
                    }
                    int64s[row] = 0;
                    _block.Absent(column)[row] = true;
                    if (!missing) BadCell(partRow, column, cell);
                    return;
                case ColumnType.Float64:
                    double[] float64s = _block.Float64s[column]!;
                    if (missing) float64s[row] = double.NaN;
                    else if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double real)) float64s[row] = real;
                    else
                    {
                        float64s[row] = double.NaN;
                        BadCell(partRow, column, cell);
                    }
                    return;
                default:
                    _block.Codes[column]![row] = missing ? -1 : _strings[column]!.CodeOf(cell);
                    return;
            }
        }

        /// <summary>The low <paramref name="count"/> bytes (0 to 8) of a word, the rest zero.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong LowBytes(ulong word, int count) =>
            Bmi2.X64.IsSupported ? Bmi2.X64.ZeroHighBits(word, (ulong)(8 * count)) : count >= 8 ? word : word & ((1UL << (8 * count)) - 1);

        /// <summary>
        /// An integer of up to 8 digits after an optional '-', from the cell's first 8 bytes in one word (the first
        /// byte lowest): the digits are checked all at once (each byte XOR '0' must be at most 9) and combined
        /// pairwise in three multiplies. False for anything else, which <see cref="Cell"/> then parses in full.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool TryParseDigits(ulong word, int length, out long value)
        {
            int negative = (byte)word == '-' ? 1 : 0, digits = length - negative;
            // Shifting the digits to the top drops the bytes past the cell and leaves zeros (valid digits) below them.
            ulong x = ((word >> (8 * negative)) ^ 0x3030303030303030UL) << (64 - 8 * digits);
            value = 0;
            if ((uint)(digits - 1) >= 8 || ((((x + 0x7676767676767676UL) | x) & 0x8080808080808080UL) != 0)) return false;
            x = (x * 10 + (x >> 8)) & 0x00FF00FF00FF00FFUL;
            x = (x * 100 + (x >> 16)) & 0x0000FFFF0000FFFFUL;
            x = (x * 10000 + (x >> 32)) & 0xFFFFFFFFUL;
            value = ((long)x ^ -negative) + negative;
            return true;
        }

        /// <summary>Notes a bad cell of a row (of the part); the row is judged with its batch, by its first bad cell.</summary>
        private void BadCell(int partRow, int column, ReadOnlySpan<byte> cell) =>
            _badCells.Add((partRow, column, _reader.NotOfType(column, System.Text.Encoding.UTF8.GetString(cell))));

        /// <summary>
        /// Judges the batch's bad rows in order: a ragged row by its field count, any other by its first bad cell.
        /// </summary>
        private void JudgeBatch(long firstLine)
        {
            if (_ragged.Count == 0 && _badCells.Count == 0) return;
            var bad = new SortedDictionary<int, (int Column, string Problem)>();
            foreach (var (row, fields) in _ragged) bad[row] = (-1, $"the row has {fields} fields where the header has {_types.Length}.");
            // Columns are converted in order, so a row's first bad cell is its first listed.
            foreach (var (row, column, problem) in _badCells) bad.TryAdd(row, (column, problem));
            foreach (var (row, (column, problem)) in bad) BadRow(_firstRowOfPart + row, LineOf(firstLine, row), column, problem);
            _ragged.Clear();
            _badCells.Clear();
        }

        /// <summary>The line of a row of the part: one per row before it, plus the blank lines before it.</summary>
        private long LineOf(long firstLine, int partRow)
        {
            // The count of blank lines noted for rows up to this one (the list is in order).
            int low = 0, high = _blankLinesBefore.Count;
            while (low < high)
            {
                int middle = (low + high) >>> 1;
                if (_blankLinesBefore[middle] <= partRow) low = middle + 1;
                else high = middle;
            }
            return firstLine + partRow + low;
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
                    case ColumnType.Int64: Int64s[c] = SpareArrays.Rent<long>(capacity); break;
                    case ColumnType.Float64: Float64s[c] = SpareArrays.Rent<double>(capacity); break;
                    default: Codes[c] = SpareArrays.Rent<int>(capacity); break;
                }
            }
        }

        public ColumnType[] Types { get; }

        public long[]?[] Int64s { get; }

        public double[]?[] Float64s { get; }

        public int[]?[] Codes { get; }

        /// <summary>The missing flags of an Int64 column, made by whichever part first needs them.</summary>
        public bool[] Absent(int column) =>
            Volatile.Read(ref _absent[column]) ?? Interlocked.CompareExchange(ref _absent[column], SpareArrays.Rent<bool>(_capacity, zeroed: true), null) ?? _absent[column]!;

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
                    if (strings[p][c] is { } part)
                    {
                        Translate(part, strings[0][c]!, Codes[c].AsSpan(total, rows[p]));
                        _reader.ReturnTables(c, part);
                    }
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
