using System.Globalization;

namespace Millrace.Compute.IO;

/// <summary>A column of 64-bit floats; a missing value is NaN (so a literal NaN in the data counts as missing too).</summary>
public sealed class Float64Column : Column
{
    private double[] _values = [];

    /// <summary>Creates an empty column.</summary>
    public Float64Column(string name) : base(name) { }

    /// <inheritdoc/>
    public override ColumnType Type => ColumnType.Float64;

    /// <summary>The values, NaN where missing: the input of the numeric kernels as is.</summary>
    public ReadOnlySpan<double> Values => _values.AsSpan(0, Length);

    /// <inheritdoc/>
    public override bool IsMissing(int row) => double.IsNaN(_values[row]);

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
