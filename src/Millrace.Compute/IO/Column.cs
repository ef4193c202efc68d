namespace Millrace.Compute.IO;

/// <summary>One typed column of a <see cref="ColumnarTable"/>: a name, a type and values in a growable buffer.</summary>
public abstract class Column
{
    private protected Column(string name) => Name = name;

    /// <summary>The column's name, from the header.</summary>
    public string Name { get; }

    /// <summary>The physical type.</summary>
    public abstract ColumnType Type { get; }

    /// <summary>How many rows the column holds.</summary>
    public int Length { get; private protected set; }

    /// <summary>How many of them are missing.</summary>
    public long MissingCount { get; private protected set; }

    /// <summary>Whether row <paramref name="row"/> is missing.</summary>
    public abstract bool IsMissing(int row);

    private NumericCodes? _numericCodes;

    /// <summary>
    /// For a numeric column read from a dictionary-encoded Parquet chunk, its dictionary and per-row codes (so that
    /// statistics can work per distinct value); <see langword="null"/> otherwise, and once rows are appended.
    /// </summary>
    public NumericCodes? NumericCodes
    {
        get => _numericCodes is { } codes && codes.Codes.Length == Length ? codes : null;
        internal set => _numericCodes = value;
    }

    /// <summary>Creates an empty column of a type.</summary>
    public static Column Create(string name, ColumnType type) => type switch
    {
        ColumnType.Int64 => new Int64Column(name),
        ColumnType.Float64 => new Float64Column(name),
        _ => new StringColumn(name),
    };

    /// <summary>Parses one cell and appends it; false when the text is not a value of the column's type.</summary>
    internal abstract bool TryAppend(ReadOnlySpan<char> text);

    /// <summary>Parses one UTF-8 cell and appends it; false when the text is not a value of the column's type.</summary>
    internal abstract bool TryAppendUtf8(ReadOnlySpan<byte> utf8);

    /// <summary>Appends a missing value.</summary>
    internal abstract void AppendMissing();

    /// <summary>Makes the last row missing (a bad row's cells read before its bad cell).</summary>
    internal void MakeLastMissing()
    {
        if (IsMissing(Length - 1)) return;
        Length--;
        AppendMissing();
    }

    /// <summary>Appends every row of a column of the same type and name.</summary>
    internal abstract void AppendColumn(Column other);

    /// <summary>Makes room for <paramref name="rows"/> rows in all, exactly, so that known appends copy once.</summary>
    internal abstract void ReserveRows(int rows);

    /// <summary>Grows a buffer to exactly <paramref name="needed"/> elements when it is smaller.</summary>
    private protected static void GrowExactly<T>(ref T[] buffer, int needed)
    {
        if (needed > buffer.Length) Array.Resize(ref buffer, needed);
    }

    /// <summary>Grows a buffer geometrically so that appends are amortised O(1).</summary>
    private protected static void EnsureCapacity<T>(ref T[] buffer, int needed)
    {
        if (needed <= buffer.Length) return;
        Array.Resize(ref buffer, Math.Max(needed, Math.Max(1024, buffer.Length * 2)));
    }
}
