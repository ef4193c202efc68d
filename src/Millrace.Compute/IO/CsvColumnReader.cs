using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Unicode;
using nietras.SeparatedValues;

namespace Millrace.Compute.IO;

/// <summary>
/// Reads a CSV file into typed columns, one block (a row group) at a time, so that a file larger than memory can
/// be streamed. Each block is cut at row boundaries into one part per core; the parts are parsed in parallel and
/// appended in order. A part with quotes (or invalid UTF-8) is parsed by Sep; a part without any, most files, by a
/// plain loop over its UTF-8 bytes that needs no decoding to UTF-16. Column types are inferred from the first rows
/// (or set by <see cref="CsvReadOptions.TypeOverrides"/>); a later cell that does not fit is a <see cref="CsvFormatException"/>
/// with its line and column, as are ragged rows, invalid UTF-8 and an unclosed quote.
/// </summary>
public sealed partial class CsvColumnReader : IDisposable
{
    private readonly string _path;
    private readonly CsvReadOptions _options;
    private readonly FileStream _file;
    private readonly MissingMarkers _missing;

    /// <summary>Per column, the string tables of columns no longer read, for the next blocks' columns of the same values.</summary>
    private readonly ConcurrentBag<StringColumn.Tables>[] _spareTables;
    private byte[] _buffer;
    private int _filled, _start;
    private long _lineOfStart = 1;
    private bool _endOfFile, _disposed;

    private CsvColumnReader(string path, CsvReadOptions options)
    {
        _path = path;
        _options = options;
        _missing = new MissingMarkers(options.MissingValues);
        _buffer = SpareArrays.Rent<byte>(Math.Max(options.BlockBytes, 4096));
        _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        Fill();
        if (_filled >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF) _start = 3;
        (ColumnNames, Separator) = ReadHeader();
        ColumnTypes = InferTypes();
        _spareTables = [.. ColumnNames.Select(_ => new ConcurrentBag<StringColumn.Tables>())];
    }

    /// <summary>The column names from the header.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>The type of each column, inferred or overridden.</summary>
    public IReadOnlyList<ColumnType> ColumnTypes { get; }

    /// <summary>The field separator, given or detected.</summary>
    public char Separator { get; }

    /// <summary>Opens a file, reads its header and infers the column types from its first rows.</summary>
    /// <exception cref="CsvFormatException">The file is empty or its header cannot be read.</exception>
    public static CsvColumnReader Open(string path, CsvReadOptions? options = null) => new(path, options ?? new CsvReadOptions());

    /// <summary>Reads a whole file into one table.</summary>
    public static ColumnarTable ReadAll(string path, CsvReadOptions? options = null)
    {
        using var reader = Open(path, options);
        // The blocks are kept and copied once into columns of the final size.
        var blocks = new List<ColumnarTable>();
        while (reader.ReadBlock() is { } block) blocks.Add(block);
        var table = reader.EmptyTable();
        table.AppendAll(blocks);
        return table;
    }

    /// <summary>Reads the next block of rows, or <see langword="null"/> at the end of the file.</summary>
    /// <exception cref="ObjectDisposedException">The reader was disposed.</exception>
    public ColumnarTable? ReadBlock()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (TryReadPlainBlock(out var table)) return table;
        bool quoted;
        int length;
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _filled - _start);
            // One scan for quotes: without any, rows end at newlines and the block takes the byte parser.
            quoted = pending.Contains((byte)'"');
            length = _endOfFile ? pending.Length : CsvBlockSplitter.EndOfLastRow(pending, quoted);
            if (length > 0 || _endOfFile) break;
            // Not one whole row in the buffer: make room (or grow) and read on.
            Fill();
        }
        if (length <= 0) return null;
        var block = _buffer.AsSpan(_start, length);
        quoted = quoted && block.Contains((byte)'"');
        if (_endOfFile && quoted && CsvBlockSplitter.LineOfUnclosedQuote(block) is > 0 and var open)
            throw new CsvFormatException(_path, _lineOfStart + open - 1, null, "a quoted field is never closed.");
        var (parsed, lines) = ParseWithSepInParallel(_start, length, _lineOfStart, quoted);
        return Advance(parsed, length, lines);
    }

    /// <summary>
    /// Reads the next block when it is plain, most files' every block: up to its last newline, it holds no quote
    /// and only valid UTF-8. The block is cut at newlines into one part per core, and each part surveyed (its lines,
    /// whether it holds a quote, whether it is ASCII) and then parsed side by side, so that no pass over the block
    /// runs on one core alone. False when the block is not plain (nothing is consumed: <see cref="ReadBlock"/> reads
    /// it with quotes in mind); true with <see langword="null"/> at the end of the file.
    /// </summary>
    private bool TryReadPlainBlock(out ColumnarTable? table)
    {
        table = null;
        if (Separator is >= (char)128 or '\n' or '"') return false;
        int length;
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _filled - _start);
            length = _endOfFile ? pending.Length : CsvBlockSplitter.EndOfLastRow(pending, hasQuotes: false);
            if (length > 0) break;
            if (_endOfFile) return true;
            Fill();
        }
        var block = _buffer.AsSpan(_start, length);
        var bounds = CutIntoParts(block, quoted: false);
        var parts = new (int Start, int Length, long FirstLine, int Lines)[bounds.Count - 1];
        var plain = new bool[parts.Length];
        var buffer = _buffer;
        int start = _start;
        Parallel.For(0, parts.Length, p =>
        {
            var part = buffer.AsSpan(start + bounds[p], bounds[p + 1] - bounds[p]);
            var (lines, hasQuote, ascii) = CsvBlockSplitter.Survey(part);
            parts[p] = (start + bounds[p], part.Length, 0, lines);
            // A part starts after a newline, so it cuts no UTF-8 sequence in two.
            plain[p] = !hasQuote && (ascii || Utf8.IsValid(part));
        });
        if (!plain.All(p => p)) return false;
        long line = _lineOfStart;
        for (int p = 0; p < parts.Length; p++)
        {
            parts[p].FirstLine = line;
            line += parts[p].Lines;
        }
        table = Advance(FirstBadRowOf(() => UnquotedParser.ParseParts(this, parts)), length, line - _lineOfStart);
        return true;
    }

    /// <summary>Moves past a parsed block of <paramref name="length"/> bytes and <paramref name="lines"/> lines, reading on.</summary>
    private ColumnarTable Advance(ColumnarTable table, int length, long lines)
    {
        _lineOfStart += lines;
        _start += length;
        if (!_endOfFile) Fill();
        return table;
    }

    /// <summary>The bounds of one part per core (one part under 1 MB), each cut just after a row's end: 0, the cuts, the block's length.</summary>
    private static List<int> CutIntoParts(ReadOnlySpan<byte> block, bool quoted)
    {
        int parts = block.Length < (1 << 20) ? 1 : Environment.ProcessorCount;
        var bounds = new List<int> { 0 };
        for (int p = 1; p < parts; p++)
        {
            int cut = CsvBlockSplitter.EndOfRowAfter(block, Math.Max(bounds[^1], (int)((long)block.Length * p / parts)), quoted);
            if (cut > bounds[^1] && cut < block.Length) bounds.Add(cut);
        }
        bounds.Add(block.Length);
        return bounds;
    }

    /// <summary>
    /// Hands back a block this reader returned, once nothing reads it any more, so that later blocks reuse its
    /// memory instead of asking the system for fresh pages (a block's columns are tens of megabytes). The block's
    /// columns are left empty: the block must not be used afterwards.
    /// </summary>
    public void Recycle(ColumnarTable block)
    {
        for (int c = 0; c < block.Columns.Count; c++)
        {
            switch (block.Columns[c])
            {
                case Int64Column int64:
                    var (values, missing) = int64.Detach();
                    SpareArrays.Return(values);
                    if (missing is not null) SpareArrays.Return(missing);
                    break;
                case Float64Column float64: SpareArrays.Return(float64.Detach()); break;
                case StringColumn strings:
                    SpareArrays.Return(strings.DetachCodes());
                    if (c < _spareTables.Length) ReturnTables(c, strings);
                    break;
            }
        }
    }

    /// <summary>A new string column for column <paramref name="column"/>, on the tables of an earlier block's when there are any.</summary>
    private StringColumn NewStringColumn(int column) =>
        new(ColumnNames[column], _spareTables[column].TryTake(out var tables) ? tables : null);

    /// <summary>Keeps a string column's tables for a later block's column <paramref name="column"/> (a few: one per part).</summary>
    private void ReturnTables(int column, StringColumn strings)
    {
        if (_spareTables[column].Count < Environment.ProcessorCount) _spareTables[column].Add(strings.DetachTables());
    }

    /// <summary>A table with this file's columns and no rows.</summary>
    public ColumnarTable EmptyTable() => new(ColumnNames.Select((name, i) => Column.Create(name, ColumnTypes[i])).ToArray());

    /// <summary>
    /// Parses a block that is not plain (it has quotes, or invalid UTF-8 read past), cut at row boundaries into one
    /// part per core, each by Sep into a table of its own, appended in order. Returns the block and how many lines
    /// it spans.
    /// </summary>
    private (ColumnarTable Table, long Lines) ParseWithSepInParallel(int start, int length, long firstLine, bool quoted)
    {
        var bytes = _buffer.AsSpan(start, length);
        HashSet<long>? invalidLines = null;
        if (!Utf8.IsValid(bytes))
        {
            if (!_options.KeepReadingPastBadRows) throw InvalidUtf8(bytes, firstLine);
            invalidLines = InvalidUtf8Lines(bytes, firstLine);
        }
        var bounds = CutIntoParts(bytes, quoted);
        var ranges = new (int Start, int Length, long FirstLine)[bounds.Count - 1];
        long line = firstLine;
        for (int p = 0; p < ranges.Length; p++)
        {
            ranges[p] = (start + bounds[p], bounds[p + 1] - bounds[p], line);
            line += bytes[bounds[p]..bounds[p + 1]].Count((byte)'\n');
        }
        var tables = new ColumnarTable[ranges.Length];
        FirstBadRowOf(() => Parallel.For(0, tables.Length, p => tables[p] = ParseWithSep(ranges[p].Start, ranges[p].Length, ranges[p].FirstLine, invalidLines)));
        var table = EmptyTable();
        table.AppendAll(tables);
        return (table, line - firstLine);
    }

    /// <summary>Runs a parse of parts side by side; when several parts fail, throws the file's first bad row.</summary>
    private static T FirstBadRowOf<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (AggregateException error) when (error.InnerExceptions.All(e => e is CsvFormatException))
        {
            throw error.InnerExceptions.Cast<CsvFormatException>().MinBy(e => e.Line)!;
        }
    }

    private (string[] Names, char Separator) ReadHeader()
    {
        var pending = _buffer.AsSpan(_start, _filled - _start);
        if (pending.IsEmpty) throw new CsvFormatException(_path, 1, null, "the file is empty: a CSV file needs a header row.");
        int end = CsvBlockSplitter.EndOfRowAfter(pending, 0, pending.Contains((byte)'"'));
        if (end < 0) end = pending.Length;
        using var reader = Sep.Reader(o => o with { HasHeader = true, Sep = _options.Separator is char s ? new Sep(s) : null, Unescape = true })
            .From(new MemoryStream(_buffer, _start, end, writable: false));
        var names = reader.Header.ColNames.ToArray();
        if (names.Length == 0 || names.All(string.IsNullOrEmpty)) throw new CsvFormatException(_path, 1, null, "the header row is empty.");
        _start += end;
        _lineOfStart = 2;
        return (names, reader.Spec.Sep.Separator);
    }

    private ColumnType[] InferTypes()
    {
        var inference = ColumnNames.Select(_ => new ColumnTypeInference()).ToArray();
        var pending = _buffer.AsSpan(_start, _filled - _start);
        int end = _endOfFile ? pending.Length : Math.Max(0, CsvBlockSplitter.EndOfLastRow(pending, pending.Contains((byte)'"')));
        if (end > 0)
        {
            using var reader = Sep.Reader(o => o with { HasHeader = false, Sep = new Sep(Separator), Unescape = true, DisableColCountCheck = true })
                .From(new MemoryStream(_buffer, _start, end, writable: false));
            int rows = 0;
            foreach (var row in reader)
            {
                if (rows++ >= _options.InferenceRows) break;
                for (int c = 0; c < Math.Min(row.ColCount, inference.Length); c++)
                    if (!_missing.IsMissing(row[c].Span)) inference[c].Observe(row[c].Span);
            }
        }
        return ColumnNames.Select((name, i) => _options.TypeOverrides.TryGetValue(name, out var type) ? type : inference[i].Result).ToArray();
    }

    /// <summary>Moves the unread bytes to the front of the buffer (growing it when they fill it) and reads on.</summary>
    private void Fill()
    {
        int pending = _filled - _start;
        if (_start > 0) Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
        else if (pending == _buffer.Length)
        {
            var grown = SpareArrays.Rent<byte>(_buffer.Length * 2);
            _buffer.AsSpan().CopyTo(grown);
            SpareArrays.Return(_buffer);
            _buffer = grown;
        }
        _start = 0;
        _filled = pending;
        while (_filled < _buffer.Length)
        {
            int read = _file.Read(_buffer, _filled, _buffer.Length - _filled);
            if (read == 0) { _endOfFile = true; break; }
            _filled += read;
        }
    }

    /// <summary>Closes the file and hands the read buffer and the spare string tables back to the shared pools.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _file.Dispose();
        // A read after this throws rather than hand out the bytes of the buffer's next user.
        SpareArrays.Return(_buffer);
        (_buffer, _filled, _start) = ([], 0, 0);
        foreach (var bag in _spareTables)
            while (bag.TryTake(out var tables)) StringColumn.ReturnTables(tables);
    }
}
