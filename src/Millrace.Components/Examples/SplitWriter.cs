using Millrace.Compute.IO;
using Millrace.Compute.IO.Parquet;

namespace Millrace.Components;

/// <summary>
/// Writes the rows of one split to a Parquet file (<see cref="ParquetFileWriter"/>), one row group per call,
/// picking rows of a batch by index so that a block read once is written to every split without copying it whole.
/// </summary>
public sealed class SplitWriter : IAsyncDisposable
{
    private readonly FileStream _stream;
    private readonly ParquetFileWriter _writer;

    private SplitWriter(FileStream stream, ParquetFileWriter writer)
    {
        _stream = stream;
        _writer = writer;
    }

    /// <summary>How many rows were written.</summary>
    public long Rows => _writer.Rows;

    /// <summary>Creates the file (and its folder) for columns of these names and types.</summary>
    public static Task<SplitWriter> CreateAsync(string path, IReadOnlyList<string> names, IReadOnlyList<ColumnType> types, CancellationToken cancellationToken,
        ExampleCompression compression = ExampleCompression.Snappy)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        var codec = compression switch { ExampleCompression.None => ParquetCodec.None, ExampleCompression.Zstd => ParquetCodec.Zstd, _ => ParquetCodec.Snappy };
        return Task.FromResult(new SplitWriter(stream, ParquetFileWriter.Create(stream, names, types, codec, leaveOpen: true)));
    }

    /// <summary>Writes the rows <paramref name="rows"/> of a batch as one row group.</summary>
    public Task WriteAsync(ColumnarTable table, int[] rows, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _writer.WriteRowGroup(table, rows);
        return Task.CompletedTask;
    }

    /// <summary>Writes the footer, flushes the file to disk and closes it.</summary>
    public async ValueTask DisposeAsync()
    {
        _writer.Dispose();
        await _stream.FlushAsync().ConfigureAwait(false);
        _stream.Flush(flushToDisk: true);
        await _stream.DisposeAsync().ConfigureAwait(false);
    }
}
