using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Millrace.Compute.IO;

/// <summary>
/// Finds row boundaries in raw CSV bytes without parsing: a newline ends a row unless it lies inside a quoted field,
/// which is when an odd number of quote characters precede it (an escaped quote is two quotes, so parity holds).
/// A block without any quote, the common case, is split with one vectorised search; the caller says whether the
/// bytes hold a quote, having looked once.
/// </summary>
internal static class CsvBlockSplitter
{
    private const byte Quote = (byte)'"', Newline = (byte)'\n';

    /// <summary>The index just past the last row-ending newline of <paramref name="bytes"/>, or −1 if none; <paramref name="hasQuotes"/> says whether the bytes hold a quote.</summary>
    public static int EndOfLastRow(ReadOnlySpan<byte> bytes, bool hasQuotes)
    {
        if (!hasQuotes)
        {
            int last = bytes.LastIndexOf(Newline);
            return last < 0 ? -1 : last + 1;
        }
        int end = -1;
        bool quoted = false;
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == Quote) quoted = !quoted;
            else if (bytes[i] == Newline && !quoted) end = i + 1;
        }
        return end;
    }

    /// <summary>The index just past the first row-ending newline at or after <paramref name="from"/>, or −1 if none; <paramref name="hasQuotes"/> says whether the bytes hold a quote.</summary>
    public static int EndOfRowAfter(ReadOnlySpan<byte> bytes, int from, bool hasQuotes)
    {
        if (!hasQuotes)
        {
            int next = bytes[from..].IndexOf(Newline);
            return next < 0 ? -1 : from + next + 1;
        }
        bool quoted = false;
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == Quote) quoted = !quoted;
            else if (bytes[i] == Newline && !quoted && i >= from) return i + 1;
        }
        return -1;
    }

    /// <summary>
    /// One pass over bytes for what a block's parse needs to know first: how many newlines they hold, whether any
    /// quote, and whether they are all ASCII (then valid UTF-8 with no further check). 32 bytes a step: two compares,
    /// a mask count and two ORs. A quote ends the pass at the end of its 4 KiB stretch, since a block with quotes
    /// goes to the quote-aware parser, which needs neither count: then <c>Lines</c> and <c>Ascii</c> describe only
    /// the bytes surveyed.
    /// </summary>
    public static (int Lines, bool HasQuote, bool Ascii) Survey(ReadOnlySpan<byte> bytes)
    {
        ref byte first = ref MemoryMarshal.GetReference(bytes);
        int lines = 0, i = 0;
        bool hasQuote = false, ascii = true;
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<byte> quotes = Vector256<byte>.Zero, all = Vector256<byte>.Zero;
            var newline = Vector256.Create(Newline);
            var quote = Vector256.Create(Quote);
            while (i + 32 <= bytes.Length && quotes == Vector256<byte>.Zero)
                for (int stretchEnd = Math.Min(bytes.Length, i + 4096); i + 32 <= stretchEnd; i += 32)
                {
                    var chunk = Vector256.LoadUnsafe(ref first, (nuint)i);
                    all |= chunk;
                    quotes |= Vector256.Equals(chunk, quote);
                    lines += BitOperations.PopCount(Vector256.Equals(chunk, newline).ExtractMostSignificantBits());
                }
            hasQuote = quotes != Vector256<byte>.Zero;
            ascii = all.ExtractMostSignificantBits() == 0;
            if (hasQuote) return (lines, true, ascii);
        }
        var rest = bytes[i..];
        return (lines + rest.Count(Newline), hasQuote || rest.Contains(Quote), ascii && System.Text.Ascii.IsValid(rest));
    }

    /// <summary>The 1-based line (counted from the start of <paramref name="bytes"/>) where a quote is left open, or 0 when every quote closes.</summary>
    public static long LineOfUnclosedQuote(ReadOnlySpan<byte> bytes)
    {
        long line = 1, openedOn = 0;
        bool quoted = false;
        foreach (byte b in bytes)
        {
            if (b == Newline) line++;
            else if (b == Quote)
            {
                quoted = !quoted;
                if (quoted) openedOn = line;
            }
        }
        return quoted ? openedOn : 0;
    }
}
