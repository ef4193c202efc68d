using System.Runtime.CompilerServices;

namespace Millrace.Compute.IO;

/// <summary>
/// Decides whether a cell is missing. Most cells are rejected by their length or their first character (a
/// 128-bit set of the markers' first ASCII characters, as two words) before any comparison.
/// </summary>
internal sealed class MissingMarkers
{
    private readonly string[] _markers;
    private readonly int _longest, _longestUtf8;
    private readonly byte[][] _utf8Markers;
    private readonly bool _emptyIsMissing;
    private readonly ulong _firstLow, _firstHigh;
    private readonly bool _nonAsciiFirst;

    public MissingMarkers(IReadOnlyList<string> markers)
    {
        _markers = markers.Where(m => m.Length > 0).ToArray();
        _emptyIsMissing = markers.Any(m => m.Length == 0);
        _longest = _markers.Length == 0 ? 0 : _markers.Max(m => m.Length);
        _utf8Markers = _markers.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
        _longestUtf8 = _utf8Markers.Length == 0 ? 0 : _utf8Markers.Max(m => m.Length);
        foreach (string marker in _markers)
        {
            if (marker[0] < 64) _firstLow |= 1UL << marker[0];
            else if (marker[0] < 128) _firstHigh |= 1UL << (marker[0] - 64);
            else _nonAsciiFirst = true;
        }
    }

    /// <summary>Whether an empty cell is missing.</summary>
    public bool EmptyIsMissing => _emptyIsMissing;

    /// <summary>Whether a non-empty cell that starts with <paramref name="first"/> may be a marker: the parser's test before <see cref="IsMissing(ReadOnlySpan{byte})"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayStartWith(byte first) => first < 64 ? (_firstLow >> first & 1) != 0 : first < 128 ? (_firstHigh >> (first - 64) & 1) != 0 : _nonAsciiFirst;

    /// <summary>The UTF-8 twin of <see cref="IsMissing(ReadOnlySpan{char})"/>; the markers are ASCII in practice, and a non-ASCII one is compared as UTF-8.</summary>
    public bool IsMissing(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty) return _emptyIsMissing;
        if (text.Length > _longestUtf8 || !MayStartWith(text[0])) return false;
        foreach (byte[] marker in _utf8Markers)
            if (text.SequenceEqual(marker)) return true;
        return false;
    }

    public bool IsMissing(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return _emptyIsMissing;
        if (text.Length > _longest) return false;
        char first = text[0];
        bool candidate = first < 64 ? (_firstLow >> first & 1) != 0 : first < 128 ? (_firstHigh >> (first - 64) & 1) != 0 : _nonAsciiFirst;
        if (!candidate) return false;
        foreach (string marker in _markers)
            if (text.SequenceEqual(marker)) return true;
        return false;
    }
}
