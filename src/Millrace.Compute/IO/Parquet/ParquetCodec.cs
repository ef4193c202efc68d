using System.Buffers;
using Snappier;
using ZstdSharp;

namespace Millrace.Compute.IO.Parquet;

/// <summary>How the pages of a Parquet file written by <see cref="ParquetFileWriter"/> are compressed.</summary>
public enum ParquetCodec
{
    /// <summary>Not compressed.</summary>
    None = 0,

    /// <summary>Snappy: fast, the common default.</summary>
    Snappy = 1,

    /// <summary>Zstandard (level 3): smaller files, slower to write.</summary>
    Zstd = 6,
}

/// <summary>Page compression and decompression for the codecs Millrace writes.</summary>
internal static class PageCompression
{
    [ThreadStatic] private static Compressor? t_zstd;
    [ThreadStatic] private static Decompressor? t_unzstd;

    /// <summary>
    /// Compresses a page payload into a buffer rented from <see cref="ArrayPool{T}.Shared"/> (return it); with
    /// <see cref="ParquetCodec.None"/>, returns the payload itself and no buffer.
    /// </summary>
    public static ReadOnlyMemory<byte> Compress(ParquetCodec codec, ReadOnlyMemory<byte> payload, out byte[]? rented)
    {
        rented = null;
        switch (codec)
        {
            case ParquetCodec.None:
                return payload;
            case ParquetCodec.Snappy:
                rented = ArrayPool<byte>.Shared.Rent(Snappy.GetMaxCompressedLength(payload.Length));
                return rented.AsMemory(0, Snappy.Compress(payload.Span, rented));
            case ParquetCodec.Zstd:
                var zstd = t_zstd ??= new Compressor(3);
                rented = ArrayPool<byte>.Shared.Rent(Compressor.GetCompressBound(payload.Length));
                return rented.AsMemory(0, zstd.Wrap(payload.Span, rented));
            default:
                throw new ArgumentOutOfRangeException(nameof(codec), codec, "Unknown codec.");
        }
    }

    /// <summary>Decompresses a page of Parquet codec number <paramref name="codec"/> into <paramref name="output"/>.</summary>
    /// <exception cref="NotSupportedException">The codec is not one Millrace reads itself.</exception>
    public static void Decompress(int codec, ReadOnlySpan<byte> input, Span<byte> output)
    {
        int written = codec switch
        {
            0 => Copy(input, output),
            1 => Snappy.Decompress(input, output),
            6 => (t_unzstd ??= new Decompressor()).Unwrap(input, output),
            _ => throw new NotSupportedException($"Parquet codec {codec} is read through Parquet.Net."),
        };
        if (written != output.Length) throw new InvalidDataException($"A page decompressed to {written} bytes where its header says {output.Length}.");
    }

    private static int Copy(ReadOnlySpan<byte> input, Span<byte> output)
    {
        input.CopyTo(output);
        return input.Length;
    }
}
