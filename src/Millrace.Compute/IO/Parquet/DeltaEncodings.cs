using System.Buffers.Binary;

namespace Millrace.Compute.IO.Parquet;

/// <summary>
/// The Parquet value encodings other than PLAIN and dictionary that writers choose for v2 files (DuckDB's, tested):
/// DELTA_BINARY_PACKED (integers as bit-packed deltas in blocks of miniblocks), DELTA_LENGTH_BYTE_ARRAY (the lengths
/// delta-packed, then the bytes) and BYTE_STREAM_SPLIT (byte k of every value, then byte k + 1, …). DELTA_BYTE_ARRAY
/// is left to Parquet.Net.
/// </summary>
internal static class DeltaEncodings
{
    /// <summary>Decodes DELTA_BINARY_PACKED values into <paramref name="output"/> (exactly its length); returns the bytes read.</summary>
    /// <exception cref="InvalidDataException">The header or blocks are malformed.</exception>
    public static int DecodeBinaryPacked(ReadOnlySpan<byte> data, Span<long> output)
    {
        int position = 0;
        int blockSize = checked((int)ReadVarint(data, ref position));
        int miniblocks = checked((int)ReadVarint(data, ref position));
        long total = (long)ReadVarint(data, ref position);
        long value = UnZigZag(ReadVarint(data, ref position));
        if (miniblocks <= 0 || blockSize <= 0 || blockSize % miniblocks != 0 || blockSize / miniblocks % 8 != 0)
            throw new InvalidDataException($"a DELTA_BINARY_PACKED header has blocks of {blockSize} values in {miniblocks} miniblocks.");
        if (total < output.Length) throw new InvalidDataException($"DELTA_BINARY_PACKED data holds {total} values where {output.Length} are expected.");
        if (output.IsEmpty) return position;
        int perMiniblock = blockSize / miniblocks;
        output[0] = value;
        int written = 1;
        while (written < output.Length)
        {
            long minDelta = UnZigZag(ReadVarint(data, ref position));
            var widths = data.Slice(position, miniblocks);
            position += miniblocks;
            for (int m = 0; m < miniblocks && written < output.Length; m++)
            {
                int width = widths[m];
                if (width > 64) throw new InvalidDataException($"a DELTA_BINARY_PACKED miniblock is {width} bits wide.");
                var packed = data[position..];
                int take = Math.Min(perMiniblock, output.Length - written);
                for (int i = 0; i < take; i++)
                {
                    // Wrapping arithmetic, as the writer's.
                    value = unchecked(value + minDelta + (long)ReadBits(packed, (long)i * width, width));
                    output[written++] = value;
                }
                position += perMiniblock * width / 8;
            }
        }
        return Math.Min(position, data.Length);
    }

    /// <summary>Decodes <paramref name="count"/> DELTA_LENGTH_BYTE_ARRAY values.</summary>
    public static byte[][] DecodeLengthByteArray(ReadOnlySpan<byte> data, int count)
    {
        var lengths = new long[count];
        int position = DecodeBinaryPacked(data, lengths);
        var values = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            int length = checked((int)lengths[i]);
            values[i] = data.Slice(position, length).ToArray();
            position += length;
        }
        return values;
    }

    /// <summary>Decodes <paramref name="count"/> BYTE_STREAM_SPLIT values of <paramref name="size"/> bytes (4 or 8) into their little-endian bytes, one value after another.</summary>
    public static byte[] DecodeByteStreamSplit(ReadOnlySpan<byte> data, int count, int size)
    {
        if (data.Length < (long)count * size) throw new InvalidDataException($"BYTE_STREAM_SPLIT data holds {data.Length} bytes for {count} values of {size}.");
        var values = new byte[count * size];
        for (int stream = 0; stream < size; stream++)
        {
            var bytes = data.Slice(stream * count, count);
            for (int i = 0; i < count; i++) values[i * size + stream] = bytes[i];
        }
        return values;
    }

    /// <summary>Reads <paramref name="width"/> bits (up to 64) at bit <paramref name="bit"/>, least significant first; bits past the end read as 0.</summary>
    private static ulong ReadBits(ReadOnlySpan<byte> data, long bit, int width)
    {
        if (width == 0) return 0;
        int index = (int)(bit >> 3), shift = (int)(bit & 7);
        if (index + 9 <= data.Length && width <= 56)
            return (BinaryPrimitives.ReadUInt64LittleEndian(data[index..]) >> shift) & ((1UL << width) - 1);
        ulong result = 0;
        for (int got = 0; got < width; index++)
        {
            ulong b = index < data.Length ? data[index] : 0UL;
            result |= (b >> shift) << got;
            got += 8 - shift;
            shift = 0;
        }
        return width == 64 ? result : result & ((1UL << width) - 1);
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int position)
    {
        ulong result = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (position >= data.Length) throw new InvalidDataException("a varint runs past the end of its page.");
            byte b = data[position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return result;
        }
        throw new InvalidDataException("a varint is longer than 10 bytes.");
    }

    private static long UnZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);
}
