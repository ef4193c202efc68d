using Millrace.Compute.IO.Parquet;

namespace Millrace.Compute.IO;

/// <summary>Converts a CSV file to Parquet block by block with <see cref="ParquetFileWriter"/>: one row group per CSV block.</summary>
public static class ParquetTableWriter
{
    /// <summary>
    /// Reads a CSV file block by block and writes each block as a row group; returns the number of rows. The next
    /// block is parsed while the current one is written.
    /// </summary>
    public static async Task<long> ConvertCsvAsync(string csvPath, Stream output, CsvReadOptions? options = null, ParquetCodec codec = ParquetCodec.Snappy,
        CancellationToken cancellationToken = default)
    {
        using var reader = CsvColumnReader.Open(csvPath, options);
        using var writer = ParquetFileWriter.Create(output, reader.ColumnNames, reader.ColumnTypes, codec, leaveOpen: true);
        var next = Task.Run(reader.ReadBlock, cancellationToken);
        try
        {
            while (await next.ConfigureAwait(false) is { } block)
            {
                next = Task.Run(reader.ReadBlock, cancellationToken);
                writer.WriteRowGroup(block);
            }
        }
        finally
        {
            // The reader must not be disposed under a block that is still being parsed.
            await Task.WhenAny(next).ConfigureAwait(false);
        }
        return writer.Rows;
    }
}
