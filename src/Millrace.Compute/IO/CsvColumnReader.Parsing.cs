using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Unicode;
using nietras.SeparatedValues;

namespace Millrace.Compute.IO;

/// <summary>The parsing of one part of a block: a plain byte loop when it has no quote, Sep otherwise; and bad rows.</summary>
public sealed partial class CsvColumnReader
{
    private ColumnarTable ParsePart(int start, int length, long firstLine, HashSet<long>? invalidLines)
    {
        bool plain = invalidLines is null && Separator < 128 && _buffer.AsSpan(start, length).IndexOf((byte)'"') < 0;
        return plain ? ParseUnquoted(_buffer.AsSpan(start, length), firstLine) : ParseWithSep(start, length, firstLine, invalidLines);
    }

    /// <summary>
    /// Without a quote, a row is a line and a cell ends at the next separator byte: nothing else to handle. The
    /// separators and newlines of 32 bytes at a time are found with one vector compare each and walked as a bit mask,
    /// so a cell costs a few instructions to find; each row's cell ends are collected, then the row is appended.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ColumnarTable ParseUnquoted(ReadOnlySpan<byte> bytes, long firstLine)
    {
        var table = EmptyTable();
        var columns = table.Columns.ToArray();
        int estimate = bytes.Count((byte)'\n') + 1;
        foreach (var column in columns) column.ReserveRows(estimate);
        byte separator = (byte)Separator;
        // ends[f] is where field f of the current row ends; one slot more than the header, to see extra fields.
        Span<int> ends = columns.Length <= 256 ? stackalloc int[columns.Length + 1] : new int[columns.Length + 1];
        int fields = 0, rowStart = 0;
        long line = firstLine;
        ref byte first = ref MemoryMarshal.GetReference(bytes);
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var separators = Vector256.Create(separator);
            var newlines = Vector256.Create((byte)'\n');
            for (; i + Vector256<byte>.Count <= bytes.Length; i += Vector256<byte>.Count)
            {
                var chunk = Vector256.LoadUnsafe(ref first, (nuint)i);
                uint mask = (Vector256.Equals(chunk, separators) | Vector256.Equals(chunk, newlines)).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    int at = i + BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    if (bytes[at] == separator)
                    {
                        if (fields < ends.Length) ends[fields] = at;
                        fields++;
                    }
                    else
                    {
                        EndRow(table, columns, bytes, rowStart, at, ends, fields, line++);
                        fields = 0;
                        rowStart = at + 1;
                    }
                }
            }
        }
        for (; i < bytes.Length; i++)
        {
            if (bytes[i] == separator)
            {
                if (fields < ends.Length) ends[fields] = i;
                fields++;
            }
            else if (bytes[i] == '\n')
            {
                EndRow(table, columns, bytes, rowStart, i, ends, fields, line++);
                fields = 0;
                rowStart = i + 1;
            }
        }
        if (rowStart < bytes.Length) EndRow(table, columns, bytes, rowStart, bytes.Length, ends, fields, line);
        return table;
    }

    /// <summary>Appends the row [<paramref name="start"/>, <paramref name="end"/>) whose first fields end at <paramref name="ends"/>.</summary>
    private void EndRow(ColumnarTable table, Column[] columns, ReadOnlySpan<byte> bytes, int start, int end, Span<int> ends, int separators, long line)
    {
        if (end > start && bytes[end - 1] == '\r') end--;
        // A blank line is no row (unless the file has a single column, where it is one missing cell).
        if (end == start && columns.Length > 1) return;
        int fields = separators + 1;
        if (fields != columns.Length)
        {
            string problem = $"the row has {fields} fields where the header has {columns.Length}.";
            if (!_options.KeepReadingPastBadRows) throw new CsvFormatException(_path, line, null, problem);
            BadRow(table, 0, line, null, problem);
            return;
        }
        ends[columns.Length - 1] = end;
        for (int c = 0, cellStart = start; c < columns.Length; c++)
        {
            var cell = bytes[cellStart..ends[c]];
            cellStart = ends[c] + 1;
            if (_missing.IsMissing(cell)) columns[c].AppendMissing();
            else if (!columns[c].TryAppendUtf8(cell))
            {
                string problem = NotOfType(c, System.Text.Encoding.UTF8.GetString(cell));
                if (!_options.KeepReadingPastBadRows) throw new CsvFormatException(_path, line, ColumnNames[c], problem);
                BadRow(table, c, line, ColumnNames[c], problem);
                return;
            }
        }
    }

    private string NotOfType(int column, string text) =>
        $"'{text}' is not a {ColumnTypes[column]} value (the type was inferred from the first {_options.InferenceRows} rows); " +
        $"set TypeOverrides[\"{ColumnNames[column]}\"] to {ColumnType.String} or a wider type.";

    private ColumnarTable ParseWithSep(int start, int length, long firstLine, HashSet<long>? invalidLines)
    {
        var table = EmptyTable();
        var columns = table.Columns;
        int width = columns.Count;
        using var reader = Sep.Reader(o => o with
        {
            HasHeader = false,
            Sep = new Sep(Separator),
            Unescape = true,
            DisableColCountCheck = true,
            CultureInfo = CultureInfo.InvariantCulture,
        }).From(new MemoryStream(_buffer, start, length, writable: false));
        bool keepReading = _options.KeepReadingPastBadRows;
        foreach (var row in reader)
        {
            long line = firstLine + row.LineNumberFrom - 1;
            if (invalidLines is not null && ContainsAny(invalidLines, line, firstLine + row.LineNumberToExcl - 1))
            {
                // Reached only when keepReading: without it, invalid UTF-8 has already thrown.
                BadRow(table, 0, line, null, "the row is not valid UTF-8.");
                continue;
            }
            if (row.ColCount != width)
            {
                if (row.ColCount == 1 && row[0].Span.IsEmpty) continue;
                string problem = $"the row has {row.ColCount} fields where the header has {width}.";
                if (!keepReading) throw new CsvFormatException(_path, line, null, problem);
                BadRow(table, 0, line, null, problem);
                continue;
            }
            for (int c = 0; c < width; c++)
            {
                var text = row[c].Span;
                if (_missing.IsMissing(text)) columns[c].AppendMissing();
                else if (!columns[c].TryAppend(text))
                {
                    string problem = NotOfType(c, text.ToString());
                    if (!keepReading) throw new CsvFormatException(_path, line, ColumnNames[c], problem);
                    BadRow(table, c, line, ColumnNames[c], problem);
                    break;
                }
            }
        }
        return table;
    }

    /// <summary>Fills the rest of a bad row with missing cells, so that the columns stay aligned, and records it.</summary>
    private static void BadRow(ColumnarTable table, int filledColumns, long line, string? column, string problem)
    {
        var columns = table.Columns;
        for (int c = filledColumns; c < columns.Count; c++) columns[c].AppendMissing();
        table.AddBadRow(line, column, column is null ? 0 : filledColumns + 1, problem);
    }

    private static bool ContainsAny(HashSet<long> lines, long from, long toExclusive)
    {
        for (long line = from; line < Math.Max(toExclusive, from + 1); line++)
            if (lines.Contains(line)) return true;
        return false;
    }

    /// <summary>The lines of a block that are not valid UTF-8.</summary>
    private static HashSet<long> InvalidUtf8Lines(ReadOnlySpan<byte> bytes, long firstLine)
    {
        var lines = new HashSet<long>();
        long line = firstLine;
        for (int position = 0; position < bytes.Length; line++)
        {
            int newline = bytes[position..].IndexOf((byte)'\n');
            int end = newline < 0 ? bytes.Length : position + newline + 1;
            if (!Utf8.IsValid(bytes[position..end])) lines.Add(line);
            position = end;
        }
        return lines;
    }

    private CsvFormatException InvalidUtf8(ReadOnlySpan<byte> bytes, long firstLine)
    {
        int valid = 0;
        while (valid < bytes.Length && System.Text.Rune.DecodeFromUtf8(bytes[valid..], out _, out int consumed) == System.Buffers.OperationStatus.Done)
            valid += consumed;
        return new CsvFormatException(_path, firstLine + bytes[..valid].Count((byte)'\n'), null, $"invalid UTF-8 at byte {valid} of the line's block.");
    }
}
