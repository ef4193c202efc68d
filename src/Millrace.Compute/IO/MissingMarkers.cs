namespace Millrace.Compute.IO;

/// <summary>Decides whether a cell is missing with one length check for most cells.</summary>
internal sealed class MissingMarkers
{
    private readonly string[] _markers;
    private readonly int _longest;

    public MissingMarkers(IReadOnlyList<string> markers)
    {
        _markers = [.. markers];
        _longest = markers.Count == 0 ? -1 : markers.Max(m => m.Length);
    }

    public bool IsMissing(ReadOnlySpan<char> text)
    {
        if (text.Length > _longest) return false;
        foreach (string marker in _markers)
            if (text.SequenceEqual(marker)) return true;
        return false;
    }
}
