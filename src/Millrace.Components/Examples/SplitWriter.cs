using Millrace.Compute.IO;
using Parquet;
using Parquet.Schema;

namespace Millrace.Components;

/// <summary>
/// Writes the rows of one split to a Parquet file, one row group per call, picking rows of a batch by index so
/// that a block read once is written to every split without copying it whole. Every column is nullable.
/// </summary>
public sealed class SplitWriter : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly ParquetWriter _writer;
    private readonly DataField[] _fields;

    private SplitWriter(Stream stream, ParquetWriter writer, DataField[] fields)
    {
        _stream = stream;
        _writer = writer;
        _fields = fields;
    }

    /// <summary>How many rows were written.</summary>
    public long Rows { get; private set; }

    /// <summary>Creates the file (and its folder) for columns of these names and types.</summary>
    public static async Task<SplitWriter> CreateAsync(string path, IReadOnlyList<string> names, IReadOnlyList<ColumnType> types, CancellationToken cancellationToken,
        ExampleCompression compression = ExampleCompression.Snappy)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var fields = names.Select((name, i) => types[i] switch
        {
            ColumnType.Int64 => (DataField)new DataField<long?>(name),
            ColumnType.Float64 => new DataField<double?>(name),
            _ => new DataField<string>(name, true),
        }).ToArray();
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        var options = new ParquetOptions
        {
            CompressionMethod = compression switch { ExampleCompression.None => CompressionMethod.None, ExampleCompression.Zstd => CompressionMethod.Zstd, _ => CompressionMethod.Snappy },
        };
        var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, options, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new SplitWriter(stream, writer, fields);
    }

    /// <summary>Writes the rows <paramref name="rows"/> of a CSV block as one row group.</summary>
    public async Task WriteAsync(ColumnarTable table, int[] rows, CancellationToken cancellationToken)
    {
        if (rows.Length == 0) return;
        using var group = _writer.CreateRowGroup();
        for (int c = 0; c < _fields.Length; c++)
        {
            switch (table.Columns[c])
            {
                case Int64Column int64:
                    await group.WriteAsync<long>(_fields[c], Pick(int64, rows), cancellationToken: cancellationToken).ConfigureAwait(false);
                    break;
                case Float64Column float64:
                    await group.WriteAsync<double>(_fields[c], Pick(float64.Values, rows), cancellationToken: cancellationToken).ConfigureAwait(false);
                    break;
                case StringColumn strings:
                    await group.WriteAsync(_fields[c], Pick(strings, rows)).ConfigureAwait(false);
                    break;
            }
        }
        group.CompleteValidate();
        Rows += rows.Length;
    }

    /// <summary>Writes the rows <paramref name="rows"/> of a Parquet batch as one row group.</summary>
    public async Task WriteAsync(ExampleBatch batch, int[] rows, CancellationToken cancellationToken)
    {
        if (rows.Length == 0) return;
        using var group = _writer.CreateRowGroup();
        for (int c = 0; c < _fields.Length; c++)
        {
            var column = batch.Columns[c];
            if (column.Int64s is { } longs) await group.WriteAsync<long>(_fields[c], Pick(longs, rows), cancellationToken: cancellationToken).ConfigureAwait(false);
            else if (column.Float64s is { } doubles) await group.WriteAsync<double>(_fields[c], Pick(doubles, rows), cancellationToken: cancellationToken).ConfigureAwait(false);
            else await group.WriteAsync(_fields[c], Pick(column.Strings!, rows)).ConfigureAwait(false);
        }
        group.CompleteValidate();
        Rows += rows.Length;
    }

    private static long?[] Pick(Int64Column column, int[] rows)
    {
        var values = column.Values;
        var result = new long?[rows.Length];
        for (int i = 0; i < rows.Length; i++) result[i] = column.IsMissing(rows[i]) ? null : values[rows[i]];
        return result;
    }

    private static double?[] Pick(ReadOnlySpan<double> values, int[] rows)
    {
        var result = new double?[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            double value = values[rows[i]];
            result[i] = double.IsNaN(value) ? null : value;
        }
        return result;
    }

    private static string[] Pick(StringColumn column, int[] rows)
    {
        var codes = column.Codes;
        var dictionary = column.Dictionary;
        var result = new string[rows.Length];
        for (int i = 0; i < rows.Length; i++) result[i] = codes[rows[i]] is >= 0 and var code ? dictionary[code] : null!;
        return result;
    }

    private static T[] Pick<T>(T[] values, int[] rows)
    {
        var result = new T[rows.Length];
        for (int i = 0; i < rows.Length; i++) result[i] = values[rows[i]];
        return result;
    }

    /// <summary>Writes the footer, flushes the file to disk and closes it.</summary>
    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        await _stream.FlushAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
    }
}
