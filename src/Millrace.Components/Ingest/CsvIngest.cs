using System.Globalization;
using System.Text;
using Millrace.Compute.IO;

namespace Millrace.Components;

/// <summary>
/// Streams CSV files into the Parquet splits of an <see cref="Examples"/> artifact, block by block: each block
/// is parsed in parallel by <see cref="CsvColumnReader"/>, its rows hashed to splits, and each split's rows
/// written as one row group. Bad rows fail the step or go to the quarantine file, by <see cref="BadRowPolicy"/>.
/// </summary>
internal sealed class CsvIngest(string step, CsvReadOptions options, BadRowPolicy policy)
{
    private int[] _allRows = [];

    /// <summary>Ingests files into the splits of <paramref name="assigner"/>, or all into one split when <paramref name="onlySplit"/> is given.</summary>
    public async Task IngestAsync(IReadOnlyList<string> files, Func<IReadOnlyList<string>, SplitAssigner>? assigner, int? onlySplit,
        SplitWriters writers, IngestCounts counts, CancellationToken cancellationToken)
    {
        var readOptions = options with { KeepReadingPastBadRows = policy == BadRowPolicy.Quarantine };
        foreach (var file in files)
        {
            using var reader = Open(file, readOptions);
            if (writers.Names is null) readOptions = readOptions with { TypeOverrides = TypesOf(reader) };
            await writers.EnsureCreatedAsync(reader.ColumnNames, reader.ColumnTypes, file, cancellationToken).ConfigureAwait(false);
            var splitter = assigner?.Invoke(reader.ColumnNames);
            long rowsOfFile = 0;
            // The next block is parsed while this one is split and written, and the splits are written in parallel.
            var next = Task.Run(() => Read(reader, file), cancellationToken);
            try
            {
                while (await next.ConfigureAwait(false) is { } block)
                {
                    next = Task.Run(() => Read(reader, file), cancellationToken);
                    rowsOfFile += block.RowCount;
                    var good = GoodRows(block, file, counts);
                    var perSplit = splitter?.Assign(block, good) ?? Only(onlySplit!.Value, writers.Count, good.ToArray());
                    await Parallel.ForAsync(0, perSplit.Length, cancellationToken,
                        async (s, token) => await writers[s].WriteAsync(block, perSplit[s], token).ConfigureAwait(false)).ConfigureAwait(false);
                    for (int s = 0; s < perSplit.Length; s++) counts.SplitRows[s] += perSplit[s].Length;
                    reader.Recycle(block);
                }
            }
            finally
            {
                // Never leave a parse running on a reader about to be disposed; its outcome no longer matters.
                await next.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }
            if (rowsOfFile == 0)
                throw new ExampleGenException($"{file}:2: step '{step}': the file has a header and no rows; give a file with data or remove it from the input.", file, 2, 0);
        }
    }

    private static Dictionary<string, ColumnType> TypesOf(CsvColumnReader reader) =>
        reader.ColumnNames.Select((name, i) => (name, type: reader.ColumnTypes[i])).ToDictionary(p => p.name, p => p.type);

    private static int[][] Only(int split, int splits, int[] rows) =>
        Enumerable.Range(0, splits).Select(s => s == split ? rows : []).ToArray();

    /// <summary>The rows of a block that are not bad; without bad rows, a prefix of one array of 0, 1, 2… kept across blocks.</summary>
    private ReadOnlySpan<int> GoodRows(ColumnarTable block, string file, IngestCounts counts)
    {
        if (block.BadRows.Count == 0)
        {
            if (_allRows.Length < block.RowCount) _allRows = Enumerable.Range(0, block.RowCount).ToArray();
            return _allRows.AsSpan(0, block.RowCount);
        }
        var bad = new HashSet<int>();
        foreach (var row in block.BadRows)
        {
            bad.Add(row.RowIndex);
            counts.BadRows.Add(new QuarantinedRow(file, row.Line, row.ColumnNumber, row.Problem));
        }
        return Enumerable.Range(0, block.RowCount).Where(r => !bad.Contains(r)).ToArray();
    }

    private CsvColumnReader Open(string file, CsvReadOptions readOptions)
    {
        try { return CsvColumnReader.Open(file, readOptions); }
        catch (CsvFormatException error) { throw Describe(error, null); }
    }

    private ColumnarTable? Read(CsvColumnReader reader, string file)
    {
        try { return reader.ReadBlock(); }
        catch (CsvFormatException error) { throw Describe(error, reader.ColumnNames); }
    }

    /// <summary>The reader's problem as one line with file, line, column and step, and what to do.</summary>
    private ExampleGenException Describe(CsvFormatException error, IReadOnlyList<string>? names)
    {
        int column = error.ColumnName is { } name && names is not null ? names.ToList().IndexOf(name) + 1 : 0;
        string where = column > 0 ? $"{error.Path}:{error.Line}:{column}" : $"{error.Path}:{error.Line}";
        string problem = error.Message[(error.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..];
        string cell = error.ColumnName is null ? "" : $"column '{error.ColumnName}': ";
        string advice = policy == BadRowPolicy.Fail ? " Fix the row, or set BadRows to Quarantine to set bad rows aside." : "";
        return new ExampleGenException($"{where}: step '{step}': {cell}{problem}{advice}", error.Path, error.Line, column, error);
    }

    /// <summary>Writes the quarantined rows, with their text, to a CSV side file.</summary>
    public static async Task WriteQuarantineAsync(string path, IReadOnlyList<QuarantinedRow> rows, CancellationToken cancellationToken)
    {
        var text = new StringBuilder("file,line,column,problem,text\n");
        foreach (var group in rows.GroupBy(r => r.File))
        {
            var wanted = group.Select(r => r.Line).ToHashSet();
            var lines = new Dictionary<long, string>();
            long number = 0;
            foreach (var line in File.ReadLines(group.Key, new UTF8Encoding(false, false)))
                if (wanted.Contains(++number)) lines[number] = line;
            foreach (var row in group)
                text.Append(CultureInfo.InvariantCulture, $"{Quote(row.File)},{row.Line},{row.Column},{Quote(row.Problem)},{Quote(lines.GetValueOrDefault(row.Line, ""))}\n");
        }
        await File.WriteAllTextAsync(path, text.ToString(), cancellationToken).ConfigureAwait(false);
    }

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
