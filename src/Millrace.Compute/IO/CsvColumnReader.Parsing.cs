using System.Globalization;
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

    /// <summary>Without a quote, a row is a line and a cell ends at the next separator byte: nothing else to handle.</summary>
    private ColumnarTable ParseUnquoted(ReadOnlySpan<byte> bytes, long firstLine)
    {
        var table = EmptyTable();
        var columns = table.Columns.ToArray();
        byte separator = (byte)Separator;
        bool keepReading = _options.KeepReadingPastBadRows;
        for (long line = firstLine; !bytes.IsEmpty; line++)
        {
            int newline = bytes.IndexOf((byte)'\n');
            var row = newline < 0 ? bytes : bytes[..newline];
            bytes = newline < 0 ? default : bytes[(newline + 1)..];
            if (!row.IsEmpty && row[^1] == '\r') row = row[..^1];
            if (row.IsEmpty && columns.Length > 1) continue;
            // Fields are counted while they are parsed; a ragged row is found after its cells went in, and its
            // placeholder row is completed with missing cells (or the read stops).
            int c = 0;
            for (bool more = true; more; c++)
            {
                int end = row.IndexOf(separator);
                var cell = end < 0 ? row : row[..end];
                more = end >= 0;
                row = more ? row[(end + 1)..] : default;
                if (c == columns.Length) { c++; break; }
                if (_missing.IsMissing(cell)) columns[c].AppendMissing();
                else if (!columns[c].TryAppendUtf8(cell))
                {
                    string problem = NotOfType(c, System.Text.Encoding.UTF8.GetString(cell));
                    if (!keepReading) throw new CsvFormatException(_path, line, ColumnNames[c], problem);
                    BadRow(table, c, line, ColumnNames[c], problem);
                    c = -1;
                    break;
                }
            }
            if (c >= 0 && c != columns.Length)
            {
                string problem = $"the row has {(c < columns.Length ? c.ToString(CultureInfo.InvariantCulture) : "more than " + columns.Length)} fields where the header has {columns.Length}.";
                if (!keepReading) throw new CsvFormatException(_path, line, null, problem);
                BadRow(table, Math.Min(c, columns.Length), line, null, problem);
            }
        }
        return table;
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
