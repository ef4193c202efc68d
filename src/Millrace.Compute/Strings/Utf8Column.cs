namespace Millrace.Compute;

/// <summary>
/// A column of UTF-8 strings in the Arrow layout: value i is <c>Bytes[Offsets[i]..Offsets[i + 1]]</c>, and is
/// missing when <c>Missing</c> is non-empty and <c>Missing[i]</c> is true.
/// </summary>
public readonly ref struct Utf8Column
{
    /// <summary>Wraps the buffers of a column; <paramref name="offsets"/> has one more entry than there are values.</summary>
    /// <exception cref="ArgumentException">The offsets or the missing mask do not match the values.</exception>
    public Utf8Column(ReadOnlySpan<byte> bytes, ReadOnlySpan<int> offsets, ReadOnlySpan<bool> missing = default)
    {
        if (offsets.IsEmpty) throw new ArgumentException("A UTF-8 column needs at least one offset (0 for an empty column).", nameof(offsets));
        if (!missing.IsEmpty && missing.Length != offsets.Length - 1)
            throw new ArgumentException($"The missing mask has {missing.Length} entries for {offsets.Length - 1} values.", nameof(missing));
        if (offsets[^1] > bytes.Length)
            throw new ArgumentException($"The last offset {offsets[^1]} is past the {bytes.Length} bytes of the column.", nameof(offsets));
        Bytes = bytes;
        Offsets = offsets;
        Missing = missing;
    }

    /// <summary>The values' bytes, back to back.</summary>
    public ReadOnlySpan<byte> Bytes { get; }

    /// <summary>Where each value starts, and where the last one ends.</summary>
    public ReadOnlySpan<int> Offsets { get; }

    /// <summary>Which values are missing; empty when none is.</summary>
    public ReadOnlySpan<bool> Missing { get; }

    /// <summary>How many values (present and missing) the column holds.</summary>
    public int Length => Offsets.Length - 1;

    /// <summary>The rows [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>) as a column of their own.</summary>
    public Utf8Column Slice(int start, int length) =>
        new(Bytes, Offsets.Slice(start, length + 1), Missing.IsEmpty ? default : Missing.Slice(start, length));
}
