using System.Globalization;

namespace Millrace.Compute.IO;

/// <summary>
/// A column of 64-bit floats; a missing value is NaN, so the kernels skip it. A NaN that is a value of the data
/// (read from Parquet or given as a value, not a null) is the distinct NaN <see cref="PresentNaN"/>: it counts as
/// missing too, and is written back as NaN rather than null. A literal "NaN" cell of a CSV file is missing.
/// </summary>
public sealed class Float64Column : Column
{
    private const long PresentNaNBits = 0x7FF8_0000_0000_0001;

    /// <summary>The NaN that stands for a present NaN value, as opposed to <see cref="double.NaN"/>, a missing one.</summary>
    public static readonly double PresentNaN = BitConverter.Int64BitsToDouble(PresentNaNBits);

    /// <summary>Whether a value is <see cref="PresentNaN"/>: a NaN of the data, not a missing value.</summary>
    public static bool IsPresentNaN(double value) => BitConverter.DoubleToInt64Bits(value) == PresentNaNBits;

    private double[] _values = [];

    /// <summary>Creates an empty column.</summary>
    public Float64Column(string name) : base(name) { }

    /// <inheritdoc/>
    public override ColumnType Type => ColumnType.Float64;

    /// <summary>The values, NaN where missing: the input of the numeric kernels as is.</summary>
    public ReadOnlySpan<double> Values => _values.AsSpan(0, Length);

    /// <inheritdoc/>
    public override bool IsMissing(int row) => double.IsNaN(_values[row]);

    /// <summary>A column of these values; <see langword="null"/> (and NaN) is missing.</summary>
    public static Float64Column FromValues(string name, ReadOnlySpan<double?> values)
    {
        var column = new Float64Column(name) { _values = new double[values.Length], Length = values.Length };
        for (int row = 0; row < values.Length; row++)
        {
            double value = values[row] is { } v ? (double.IsNaN(v) ? PresentNaN : v) : double.NaN;
            column._values[row] = value;
            if (double.IsNaN(value)) column.MissingCount++;
        }
        return column;
    }

    /// <summary>A column whose row r holds <c>values[codes[r]]</c>, or is missing (NaN) where the code is −1.</summary>
    internal static Float64Column FromCodes(string name, double[] values, int[] codes)
    {
        var column = new Float64Column(name) { _values = GC.AllocateUninitializedArray<double>(codes.Length), Length = codes.Length };
        for (int row = 0; row < codes.Length; row++)
        {
            double value = codes[row] < 0 ? double.NaN : double.IsNaN(values[codes[row]]) ? PresentNaN : values[codes[row]];
            column._values[row] = value;
            if (double.IsNaN(value)) column.MissingCount++;
        }
        return column;
    }

    /// <summary>A column over an array a parser filled: the first <paramref name="length"/> values, NaN where missing.</summary>
    internal static Float64Column Adopt(string name, double[] values, int length)
    {
        var column = new Float64Column(name) { _values = values, Length = length };
        foreach (double value in values.AsSpan(0, length))
            if (double.IsNaN(value)) column.MissingCount++;
        return column;
    }

    /// <summary>Takes the column's array away for reuse, leaving it empty (so that a stale reader sees no rows rather than other data).</summary>
    internal double[] Detach()
    {
        var values = _values;
        (_values, Length, MissingCount) = ([], 0, 0);
        return values;
    }

    internal override bool TryAppend(ReadOnlySpan<char> text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)) return false;
        if (Length == _values.Length) EnsureCapacity(ref _values, Length + 1);
        _values[Length++] = value;
        if (double.IsNaN(value)) MissingCount++;
        return true;
    }

    internal override bool TryAppendUtf8(ReadOnlySpan<byte> utf8)
    {
        if (!double.TryParse(utf8, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)) return false;
        if (Length == _values.Length) EnsureCapacity(ref _values, Length + 1);
        _values[Length++] = value;
        if (double.IsNaN(value)) MissingCount++;
        return true;
    }

    internal override void ReserveRows(int rows) => GrowExactly(ref _values, rows);

    internal override void AppendMissing()
    {
        EnsureCapacity(ref _values, Length + 1);
        _values[Length++] = double.NaN;
        MissingCount++;
    }

    internal override void AppendColumn(Column other)
    {
        var source = (Float64Column)other;
        EnsureCapacity(ref _values, Length + source.Length);
        source.Values.CopyTo(_values.AsSpan(Length));
        Length += source.Length;
        MissingCount += source.MissingCount;
    }
}
