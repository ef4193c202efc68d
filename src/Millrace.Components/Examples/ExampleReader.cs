using System.Globalization;
using System.Runtime.CompilerServices;
using Millrace.Compute.IO;
using Millrace.Compute.IO.Parquet;
using Parquet;
using Parquet.Schema;

namespace Millrace.Components;

/// <summary>
/// Reads the Parquet files of a split one row group at a time, so that a split larger than memory can be
/// streamed; only the current row group is held.
/// </summary>
public static class ExampleReader
{
    /// <summary>How a Parquet timestamp column is read: as a string in this invariant, sortable form.</summary>
    public const string TimestampFormat = ParquetFileReader.TimestampFormat;

    /// <summary>The row groups of one split of an <see cref="Examples"/> artifact, in order.</summary>
    public static IAsyncEnumerable<ExampleBatch> ReadSplitAsync(Artifact examples, string split, CancellationToken cancellationToken = default) =>
        ReadFilesAsync(ExampleLayout.SplitFiles(examples, split), cancellationToken);

    /// <summary>
    /// The row groups of one split as <see cref="ColumnarTable"/>s: string columns as dictionary codes, and numeric
    /// columns with their dictionary codes where the file has them (what <see cref="StatisticsGen"/> works on).
    /// </summary>
    public static IAsyncEnumerable<ColumnarTable> ReadSplitTablesAsync(Artifact examples, string split, CancellationToken cancellationToken = default) =>
        ReadTablesAsync(ExampleLayout.SplitFiles(examples, split), cancellationToken);

    /// <summary>
    /// The row groups of Parquet files as <see cref="ColumnarTable"/>s, file after file: decoded by
    /// <see cref="ParquetFileReader"/> (no .NET value per row), or by Parquet.Net for files outside what it reads
    /// (nested columns, INT96 or date columns, other codecs).
    /// </summary>
    public static IAsyncEnumerable<ColumnarTable> ReadTablesAsync(IEnumerable<string> files, CancellationToken cancellationToken = default) =>
        ReadAsync(files, (reader, group) => reader.ReadRowGroup(group), ToTable, cancellationToken);

    /// <summary>
    /// The row groups of one split read for statistics: dictionary-encoded columns as distinct values with their
    /// row counts (no per-row array), other columns decoded (<see cref="ParquetFileReader.ReadRowGroupCounts"/>);
    /// files outside what <see cref="ParquetFileReader"/> reads come decoded through Parquet.Net.
    /// </summary>
    public static IAsyncEnumerable<IReadOnlyList<ColumnOrCounts>> ReadSplitCountsAsync(Artifact examples, string split, CancellationToken cancellationToken = default) =>
        ReadAsync(ExampleLayout.SplitFiles(examples, split), (reader, group) => reader.ReadRowGroupCounts(group),
            batch => ToTable(batch).Columns.Select(c => new ColumnOrCounts(c, null)).ToArray(), cancellationToken);

    /// <summary>The row groups of Parquet files as <see cref="ExampleBatch"/>es (one .NET value per cell), file after file.</summary>
    public static IAsyncEnumerable<ExampleBatch> ReadFilesAsync(IEnumerable<string> files, CancellationToken cancellationToken = default) =>
        ReadAsync(files, (reader, group) => ToBatch(reader.ReadRowGroup(group)), batch => batch, cancellationToken);

    /// <summary>
    /// The one reading loop: each file's row groups through <see cref="ParquetFileReader"/> when it reads the file,
    /// else through Parquet.Net, each row group shaped by <paramref name="fast"/> or <paramref name="slow"/>.
    /// </summary>
    private static async IAsyncEnumerable<T> ReadAsync<T>(IEnumerable<string> files, Func<ParquetFileReader, int, T> fast, Func<ExampleBatch, T> slow,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            using var reader = await ParquetFileReader.TryOpenAsync(file, cancellationToken).ConfigureAwait(false);
            if (reader is not null)
            {
                for (int group = 0; group < reader.RowGroupCount; group++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return fast(reader, group);
                }
                continue;
            }
            await foreach (var batch in ReadWithParquetNetAsync(file, cancellationToken).ConfigureAwait(false))
                yield return slow(batch);
        }
    }

    /// <summary>A table's columns as arrays of nullable values; a string column allocates one string per distinct value.</summary>
    public static ExampleBatch ToBatch(ColumnarTable table)
    {
        var columns = new ExampleColumn[table.Columns.Count];
        for (int c = 0; c < columns.Length; c++)
        {
            var column = table.Columns[c];
            Array values;
            switch (column)
            {
                case Int64Column longs:
                    var int64s = new long?[longs.Length];
                    for (int r = 0; r < int64s.Length; r++) int64s[r] = longs.IsMissing(r) ? null : longs.Values[r];
                    values = int64s;
                    break;
                case Float64Column doubles:
                    var float64s = new double?[doubles.Length];
                    for (int r = 0; r < float64s.Length; r++)
                    {
                        double value = doubles.Values[r];
                        float64s[r] = !double.IsNaN(value) ? value : Float64Column.IsPresentNaN(value) ? double.NaN : null;
                    }
                    values = float64s;
                    break;
                default:
                    var strings = (StringColumn)column;
                    var dictionary = strings.Dictionary;
                    var codes = strings.Codes;
                    var texts = new string?[strings.Length];
                    for (int r = 0; r < texts.Length; r++) texts[r] = codes[r] < 0 ? null : dictionary[codes[r]];
                    values = texts;
                    break;
            }
            columns[c] = new ExampleColumn(column.Name, column.Type, values);
        }
        return new ExampleBatch(columns, table.RowCount);
    }

    /// <summary>A batch's columns as a <see cref="ColumnarTable"/>.</summary>
    public static ColumnarTable ToTable(ExampleBatch batch) =>
        new(batch.Columns.Select(c => c.Int64s is { } longs ? Int64Column.FromValues(c.Name, longs)
            : c.Float64s is { } doubles ? (Column)Float64Column.FromValues(c.Name, doubles)
            : StringColumn.FromValues(c.Name, c.Strings!)).ToArray());

    /// <summary>
    /// The row groups of one file through Parquet.Net. Columns are decoded in parallel: each worker has its own
    /// reader (a Parquet.Net reader is not thread-safe) and decodes its share of the columns of each row group.
    /// </summary>
    private static async IAsyncEnumerable<ExampleBatch> ReadWithParquetNetAsync(string file, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (names, types) = await ReadSchemaAsync(file, cancellationToken).ConfigureAwait(false);
        int workers = Math.Clamp(Environment.ProcessorCount, 1, Math.Max(1, names.Length));
        var readers = new ParquetReader[workers];
        try
        {
            for (int w = 0; w < workers; w++) readers[w] = await ParquetReader.CreateAsync(file, cancellationToken: cancellationToken).ConfigureAwait(false);
            var fields = readers[0].Schema.GetDataFields();
            for (int group = 0; group < readers[0].RowGroupCount; group++)
            {
                var columns = new ExampleColumn[fields.Length];
                int rows = 0;
                await Parallel.ForAsync(0, workers, cancellationToken, async (w, token) =>
                {
                    using var rowGroup = readers[w].OpenRowGroupReader(group);
                    rows = checked((int)rowGroup.RowCount);
                    for (int c = w; c < fields.Length; c += workers)
                        columns[c] = new ExampleColumn(names[c], types[c], await ReadColumnAsync(rowGroup, fields[c], types[c], rows, token).ConfigureAwait(false));
                }).ConfigureAwait(false);
                yield return new ExampleBatch(columns, rows);
            }
        }
        finally
        {
            foreach (var reader in readers) if (reader is not null) await reader.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The column names and types of a Parquet file.</summary>
    public static async Task<(string[] Names, ColumnType[] Types)> ReadSchemaAsync(string file, CancellationToken cancellationToken = default)
    {
        await using var reader = await ParquetReader.CreateAsync(file, cancellationToken: cancellationToken).ConfigureAwait(false);
        var fields = reader.Schema.GetDataFields();
        return (fields.Select(f => f.Name).ToArray(), fields.Select(f => TypeOf(f, file)).ToArray());
    }

    private static async Task<Array> ReadColumnAsync(ParquetRowGroupReader rowGroup, DataField field, ColumnType type, int rows, CancellationToken cancellationToken)
    {
        switch (type)
        {
            case ColumnType.Int64 when field.ClrType == typeof(int):
                var ints = new int?[rows];
                await rowGroup.ReadAsync<int>(field, ints.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
                return ints.Select(v => (long?)v).ToArray();
            case ColumnType.Int64:
                var longs = new long?[rows];
                await rowGroup.ReadAsync<long>(field, longs.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
                return longs;
            case ColumnType.Float64 when field.ClrType == typeof(float):
                var floats = new float?[rows];
                await rowGroup.ReadAsync<float>(field, floats.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
                return floats.Select(v => (double?)v).ToArray();
            case ColumnType.Float64:
                var doubles = new double?[rows];
                await rowGroup.ReadAsync<double>(field, doubles.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
                return doubles;
            case ColumnType.String when field.ClrType == typeof(DateTime):
                var times = new DateTime?[rows];
                await rowGroup.ReadAsync<DateTime>(field, times.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
                return times.Select(t => t?.ToString(TimestampFormat, CultureInfo.InvariantCulture)).ToArray();
            default:
                return await ReadStringsAsync(rowGroup, field, rows, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads a string column as character slices (no string per row) and interns them per row group: a categorical
    /// column allocates one string per distinct value, not one per row.
    /// </summary>
    private static async Task<string?[]> ReadStringsAsync(ParquetRowGroupReader rowGroup, DataField field, int rows, CancellationToken cancellationToken)
    {
        var slices = new ReadOnlyMemory<char>[rows];
        var levels = new int[rows];
        await rowGroup.ReadRawAsync<ReadOnlyMemory<char>>(field, slices.AsMemory(), levels.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        var interned = new HashSet<string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var result = new string?[rows];
        // Raw reading packs the present values first; a definition level of 0 marks a null in a nullable column.
        for (int row = 0, next = 0; row < rows; row++)
        {
            if (field.IsNullable && levels[row] == 0) continue;
            var text = slices[next++].Span;
            if (!interned.TryGetValue(text, out var value)) interned.Set.Add(value = text.ToString());
            result[row] = value;
        }
        return result;
    }

    /// <summary>Maps a Parquet field to the column type it is read as.</summary>
    /// <exception cref="ExampleGenException">The field is nested or of a type examples cannot hold.</exception>
    internal static ColumnType TypeOf(DataField field, string file)
    {
        if (field.IsArray) throw new ExampleGenException($"{file}: column '{field.Name}' is a list; examples hold flat columns of numbers and strings.");
        var type = field.ClrType;
        if (type == typeof(long) || type == typeof(int)) return ColumnType.Int64;
        if (type == typeof(double) || type == typeof(float)) return ColumnType.Float64;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>) || type == typeof(DateTime)) return ColumnType.String;
        throw new ExampleGenException($"{file}: column '{field.Name}' has Parquet type {type.Name}; examples hold int32/int64, float/double, strings and timestamps (read as strings). Convert it before ingest.");
    }
}
