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

    /// <summary>Compresses a page payload; with <see cref="ParquetCodec.None"/>, returns it as is.</summary>
    public static ReadOnlyMemory<byte> Compress(ParquetCodec codec, ReadOnlyMemory<byte> payload) => codec switch
    {
        ParquetCodec.None => payload,
        ParquetCodec.Snappy => Snappy.CompressToArray(payload.Span),
        ParquetCodec.Zstd => (t_zstd ??= new Compressor(3)).Wrap(payload.Span).ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(codec), codec, "Unknown codec."),
    };

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
