using System.Buffers.Binary;
using System.Numerics;

namespace Millrace.Compute;

/// <summary>
/// A 64-bit hash of a byte string, stable across processes and machines (unlike <see cref="HashCode"/>), so that
/// sketches saved by one run merge with sketches of another. Murmur-style mixing of 8-byte words, then fmix64.
/// </summary>
internal static class Utf8Hash
{
    private const ulong C1 = 0x87C37B91114253D5UL, C2 = 0x4CF5AD432745937FUL, Golden = 0x9E3779B97F4A7C15UL;

    public static ulong Hash(ReadOnlySpan<byte> bytes)
    {
        ulong h = Golden ^ ((ulong)bytes.Length * C2);
        while (bytes.Length >= 8)
        {
            h ^= MixWord(BinaryPrimitives.ReadUInt64LittleEndian(bytes));
            h = BitOperations.RotateLeft(h, 27) * 5 + 0x52DCE729;
            bytes = bytes[8..];
        }
        if (!bytes.IsEmpty)
        {
            Span<byte> tail = stackalloc byte[8];
            tail.Clear();
            bytes.CopyTo(tail);
            h ^= MixWord(BinaryPrimitives.ReadUInt64LittleEndian(tail));
        }
        return Finalise(h);
    }

    private static ulong MixWord(ulong word) => BitOperations.RotateLeft(word * C1, 31) * C2;

    private static ulong Finalise(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return h;
    }
}
