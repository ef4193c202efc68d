using System.Globalization;
using System.Text.Unicode;
using nietras.SeparatedValues;

namespace Millrace.Compute.IO;

/// <summary>The parsing of a part of a block that has quotes (or invalid UTF-8), by Sep; and bad rows.</summary>
public sealed partial class CsvColumnReader
{
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
        bool firstRow = true;
        foreach (var row in reader)
        {
            // A part starts at a line's start, so its first row is on its first line: Sep can number a part's first
            // row one line on (a first cell in quotes does it).
            long line = firstRow ? firstLine : firstLine + row.LineNumberFrom - 1;
            firstRow = false;
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

    /// <summary>Makes every cell of a bad row missing (as <see cref="UnquotedParser"/> does), so that the columns stay aligned, and records it.</summary>
    private static void BadRow(ColumnarTable table, int filledColumns, long line, string? column, string problem)
    {
        var columns = table.Columns;
        for (int c = 0; c < columns.Count; c++)
        {
            if (c < filledColumns) columns[c].MakeLastMissing();
            else columns[c].AppendMissing();
        }
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
