using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Millrace.Compute.IO.Parquet;

/// <summary>
/// Parquet's RLE / bit-packing hybrid, the encoding of definition levels and dictionary indices: a sequence of
/// runs, each either a value repeated n times (header n·2, then the value in ⌈width/8⌉ bytes) or groups of 8
/// values bit-packed least significant bit first (header groups·2 + 1).
/// </summary>
internal static class RleHybrid
{
    /// <summary>The bits needed for values up to <paramref name="max"/> (at least 1).</summary>
    public static int BitWidth(int max) => Math.Max(1, 32 - int.LeadingZeroCount(max));

    /// <summary>
    /// Encodes <paramref name="values"/> (each below 2^<paramref name="width"/>): a run of 8 or more equal values
    /// becomes an RLE run, everything between is bit-packed; a bit-packed stretch is a multiple of 8 values (it
    /// borrows from the run after it), except the last, which is padded with zeros.
    /// </summary>
    public static void Encode(ReadOnlySpan<int> values, int width, IBufferWriter<byte> output)
    {
        int packedFrom = 0, i = 0;
        while ((i = NextRunOfEight(values, i)) < values.Length)
        {
            int value = values[i], run = 8;
            while (i + run < values.Length && values[i + run] == value) run++;
            int pending = i - packedFrom;
            if (pending > 0)
            {
                int borrow = (8 - pending % 8) % 8;
                BitPack(values.Slice(packedFrom, pending + borrow), width, output);
                i += borrow;
                run -= borrow;
            }
            Repeat(value, run, width, output);
            i += run;
            packedFrom = i;
        }
        if (packedFrom < values.Length) BitPack(values[packedFrom..], width, output);
    }

    /// <summary>
    /// The first index at or after <paramref name="from"/> where 8 equal values start, or the length when there is
    /// none. Whether each value equals the next is found for 64 values at a time by vector compares, as bits; a run
    /// of 8 is 7 set bits in a row, found by ANDing the mask with itself shifted 1 to 6 places. Most data (codes of
    /// a many-valued column) has no such run, and is skipped 32 values per step.
    /// </summary>
    private static int NextRunOfEight(ReadOnlySpan<int> values, int from)
    {
        int i = from;
        if (Vector256.IsHardwareAccelerated)
        {
            ref int first = ref MemoryMarshal.GetReference(values);
            for (; i + 65 <= values.Length; i += 32)
            {
                ulong equal = 0;
                for (int k = 0; k < 64; k += 8)
                {
                    var here = Vector256.LoadUnsafe(ref first, (nuint)(i + k));
                    var next = Vector256.LoadUnsafe(ref first, (nuint)(i + k + 1));
                    equal |= (ulong)Vector256.Equals(here, next).ExtractMostSignificantBits() << k;
                }
                ulong runs = equal & equal >> 1 & equal >> 2 & equal >> 3 & equal >> 4 & equal >> 5 & equal >> 6;
                if ((uint)runs != 0) return i + BitOperations.TrailingZeroCount((uint)runs);
            }
        }
        for (int same = 1; i + 1 < values.Length; i++)
        {
            same = values[i] == values[i + 1] ? same + 1 : 1;
            if (same == 8) return i + 2 - 8;
        }
        return values.Length;
    }

    /// <summary>One RLE run.</summary>
    public static void Repeat(int value, int count, int width, IBufferWriter<byte> output)
    {
        var span = output.GetSpan(16);
        int n = Varint(span, (ulong)count << 1);
        int bytes = (width + 7) / 8;
        for (int b = 0; b < bytes; b++) span[n++] = (byte)(value >> (8 * b));
        output.Advance(n);
    }

    private static void BitPack(ReadOnlySpan<int> values, int width, IBufferWriter<byte> output)
    {
        int groups = (values.Length + 7) / 8;
        int bytes = groups * width;
        // 16 bytes to spare: a group of the fast path is stored as one or two whole words.
        var span = output.GetSpan(bytes + 10 + 16);
        int n = Varint(span, ((ulong)groups << 1) | 1);
        if (width <= 16 && Bmi2.X64.IsSupported && Vector128.IsHardwareAccelerated) BitPackGroups(values, width, span[n..]);
        else BitPackScalar(values, width, span.Slice(n, bytes));
        output.Advance(n + bytes);
    }

    /// <summary>
    /// Packs values of up to 16 bits a group of 8 at a time: the group narrowed to bytes (or 16-bit halves), whose
    /// low <paramref name="width"/> bits each are gathered by one PEXT per word, and stored whole; the next group's
    /// store starts <paramref name="width"/> bytes on and overwrites the zero bits past this one's. The last group
    /// is padded with zeros. <paramref name="packed"/> holds 16 bytes past the packed bytes.
    /// </summary>
    private static void BitPackGroups(ReadOnlySpan<int> values, int width, Span<byte> packed)
    {
        int full = values.Length / 8, position = 0;
        ref byte destination = ref MemoryMarshal.GetReference(packed);
        ref int source = ref MemoryMarshal.GetReference(values);
        ulong mask = width <= 8 ? 0x0101010101010101UL * (byte)((1 << width) - 1) : 0x0001000100010001UL * (ushort)((1 << width) - 1);
        for (int g = 0; g < full; g++, position += width)
            PackGroup(ref Unsafe.Add(ref source, g * 8), width, mask, ref Unsafe.Add(ref destination, position));
        if (values.Length > full * 8)
        {
            Span<int> last = stackalloc int[8];
            last.Clear();
            values[(full * 8)..].CopyTo(last);
            PackGroup(ref MemoryMarshal.GetReference(last), width, mask, ref Unsafe.Add(ref destination, position));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PackGroup(ref int values, int width, ulong mask, ref byte destination)
    {
        var halves = Vector128.Narrow(Vector128.LoadUnsafe(ref values).AsUInt32(), Vector128.LoadUnsafe(ref values, 4).AsUInt32());
        if (width <= 8)
        {
            ulong bytes = Vector128.Narrow(halves, halves).AsUInt64().ToScalar();
            Unsafe.WriteUnaligned(ref destination, Bmi2.X64.ParallelBitExtract(bytes, mask));
            return;
        }
        // Four values a word: 4 × width bits each, the second word's bits after the first's.
        var words = halves.AsUInt64();
        ulong low = Bmi2.X64.ParallelBitExtract(words.ToScalar(), mask), high = Bmi2.X64.ParallelBitExtract(words.GetElement(1), mask);
        int bits = 4 * width;
        if (bits < 64)
        {
            low |= high << bits;
            high >>= 64 - bits;
        }
        Unsafe.WriteUnaligned(ref destination, low);
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, 8), high);
    }

    private static void BitPackScalar(ReadOnlySpan<int> values, int width, Span<byte> packed)
    {
        packed.Clear();
        // Values go into a 64-bit accumulator, flushed four bytes at a time (width ≤ 32 keeps it from overflowing).
        ulong buffer = 0;
        int bits = 0, position = 0;
        foreach (int value in values)
        {
            buffer |= (ulong)(uint)value << bits;
            bits += width;
            if (bits >= 32)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(packed[position..], (uint)buffer);
                position += 4;
                buffer >>= 32;
                bits -= 32;
            }
        }
        for (; bits > 0; bits -= 8, buffer >>= 8) packed[position++] = (byte)buffer;
    }

    /// <summary>
    /// Decodes exactly <paramref name="output"/>.Length values from <paramref name="input"/>; returns the bytes read.
    /// </summary>
    /// <exception cref="InvalidDataException">The runs end before enough values were read.</exception>
    public static int Decode(ReadOnlySpan<byte> input, int width, Span<int> output)
    {
        int position = 0, written = 0;
        int valueBytes = (width + 7) / 8;
        uint mask = width == 32 ? uint.MaxValue : (1u << width) - 1;
        while (written < output.Length)
        {
            if (position >= input.Length) throw new InvalidDataException($"RLE/bit-packed data ends after {written} of {output.Length} values.");
            ulong header = ReadVarint(input, ref position);
            if ((header & 1) == 0)
            {
                int count = (int)Math.Min(header >> 1, (ulong)(output.Length - written));
                int value = 0;
                for (int b = 0; b < valueBytes; b++) value |= input[position + b] << (8 * b);
                position += valueBytes;
                output.Slice(written, count).Fill(value);
                written += count;
            }
            else
            {
                int values = (int)(header >> 1) * 8;
                int bytes = values / 8 * width;
                var packed = input.Slice(position, Math.Min(bytes, input.Length - position));
                int take = Math.Min(values, output.Length - written);
                Unpack(packed, width, mask, output.Slice(written, take));
                written += take;
                position += bytes;
            }
        }
        return position;
    }

    /// <summary>
    /// Counts <paramref name="values"/> decoded values into <paramref name="counts"/> (counts[v] += 1 per value v)
    /// without writing them out: an RLE run adds its length at once.
    /// </summary>
    /// <exception cref="InvalidDataException">The runs end early, or a value is outside <paramref name="counts"/>.</exception>
    public static void Count(ReadOnlySpan<byte> input, int width, int values, long[] counts)
    {
        int position = 0, seen = 0;
        int valueBytes = (width + 7) / 8;
        uint mask = width == 32 ? uint.MaxValue : (1u << width) - 1;
        while (seen < values)
        {
            if (position >= input.Length) throw new InvalidDataException($"RLE/bit-packed data ends after {seen} of {values} values.");
            ulong header = ReadVarint(input, ref position);
            if ((header & 1) == 0)
            {
                int count = (int)Math.Min(header >> 1, (ulong)(values - seen));
                int value = 0;
                for (int b = 0; b < valueBytes; b++) value |= input[position + b] << (8 * b);
                position += valueBytes;
                if ((uint)value >= (uint)counts.Length) throw new InvalidDataException($"value {value} is outside a dictionary of {counts.Length}.");
                counts[value] += count;
                seen += count;
            }
            else
            {
                int total = (int)(header >> 1) * 8;
                int bytes = total / 8 * width;
                int take = Math.Min(total, values - seen);
                CountPacked(input.Slice(position, Math.Min(bytes, input.Length - position)), width, mask, take, counts);
                seen += take;
                position += bytes;
            }
        }
    }

    /// <summary>
    /// Counts the first <paramref name="take"/> values of a bit-packed run. Equal neighbours (a sorted column's
    /// runs) are added as one run, so the counts are not incremented one after another in memory, which would wait
    /// on each store.
    /// </summary>
    private static void CountPacked(ReadOnlySpan<byte> packed, int width, uint mask, int take, long[] counts)
    {
        int i = 0, direct = Math.Min(take, WordReadable(packed.Length, width));
        uint previous = 0;
        long run = 0;
        ref byte data = ref MemoryMarshal.GetReference(packed);
        for (long bit = 0; i < direct; i++, bit += width)
        {
            uint value = (uint)(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref data, (nint)(bit >> 3))) >> (int)(bit & 7)) & mask;
            if (value == previous)
            {
                run++;
                continue;
            }
            AddRun(counts, previous, run);
            (previous, run) = (value, 1);
        }
        for (; i < take; i++)
        {
            uint value = ValueNearEnd(packed, (long)i * width, mask);
            if (value == previous) run++;
            else
            {
                AddRun(counts, previous, run);
                (previous, run) = (value, 1);
            }
        }
        AddRun(counts, previous, run);
    }

    private static void AddRun(long[] counts, uint value, long run)
    {
        if (run == 0) return;
        if (value >= (uint)counts.Length) throw new InvalidDataException($"value {value} is outside a dictionary of {counts.Length}.");
        counts[value] += run;
    }

    /// <summary>How many values from the start of packed data of this many bytes can be read with an 8-byte load inside it.</summary>
    private static int WordReadable(int bytes, int width) => bytes < 8 ? 0 : (int)Math.Min(int.MaxValue, (long)(bytes - 8) * 8 / width + 1);

    /// <summary>The value at <paramref name="bit"/> read byte by byte: near the end, where an 8-byte load would pass it.</summary>
    private static uint ValueNearEnd(ReadOnlySpan<byte> packed, long bit, uint mask)
    {
        ulong window = 0;
        int first = (int)(bit >> 3);
        for (int b = 0; b < 8 && first + b < packed.Length; b++) window |= (ulong)packed[first + b] << (8 * b);
        return (uint)(window >> (int)(bit & 7)) & mask;
    }

    private static void Unpack(ReadOnlySpan<byte> packed, int width, uint mask, Span<int> output)
    {
        int i = 0, direct = Math.Min(output.Length, WordReadable(packed.Length, width));
        ref byte data = ref MemoryMarshal.GetReference(packed);
        // Eight bytes are loaded at once while they lie inside the input (unchecked: WordReadable bounds them); the tail goes byte by byte.
        for (long bit = 0; i < direct; i++, bit += width)
            output[i] = (int)((uint)(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref data, (nint)(bit >> 3))) >> (int)(bit & 7)) & mask);
        for (; i < output.Length; i++) output[i] = (int)ValueNearEnd(packed, (long)i * width, mask);
    }

    private static int Varint(Span<byte> span, ulong value)
    {
        int n = 0;
        while (value >= 0x80)
        {
            span[n++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[n++] = (byte)value;
        return n;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> input, ref int position)
    {
        ulong result = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = input[position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return result;
        }
    }
}
