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
    private readonly Sha256WriteStream _hashing;
    private readonly ParquetFileWriter _writer;

    private SplitWriter(string path, FileStream stream, Sha256WriteStream hashing, ParquetFileWriter writer)
    {
        Path = path;
        _stream = stream;
        _hashing = hashing;
        _writer = writer;
    }

    /// <summary>How many rows were written.</summary>
    public long Rows => _writer.Rows;

    /// <summary>The file's path.</summary>
    public string Path { get; }

    /// <summary>The SHA-256 of the file's bytes, hashed as they were written: known once the writer is disposed.</summary>
    public byte[]? Sha256 { get; private set; }

    /// <summary>Creates the file (and its folder) for columns of these names and types.</summary>
    public static Task<SplitWriter> CreateAsync(string path, IReadOnlyList<string> names, IReadOnlyList<ColumnType> types, CancellationToken cancellationToken,
        ExampleCompression compression = ExampleCompression.Snappy)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        // The bytes are hashed on their way to the file, on the writing thread, while the next block parses.
        var hashing = new Sha256WriteStream(stream);
        var codec = compression switch { ExampleCompression.None => ParquetCodec.None, ExampleCompression.Zstd => ParquetCodec.Zstd, _ => ParquetCodec.Snappy };
        return Task.FromResult(new SplitWriter(path, stream, hashing, ParquetFileWriter.Create(hashing, names, types, codec, leaveOpen: true)));
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
        Sha256 = _hashing.CurrentHash();
        await _hashing.DisposeAsync().ConfigureAwait(false);
        await _stream.FlushAsync().ConfigureAwait(false);
        _stream.Flush(flushToDisk: true);
        await _stream.DisposeAsync().ConfigureAwait(false);
    }
}
