using System.Globalization;

namespace Millrace.Compute.IO;

/// <summary>Infers a column's type from sample cells: Int64 if every present cell is an integer, else Float64 if a number, else String.</summary>
internal sealed class ColumnTypeInference
{
    private bool _allIntegers = true, _allNumbers = true, _anyPresent;

    public void Observe(ReadOnlySpan<char> text)
    {
        _anyPresent = true;
        if (_allIntegers && !long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) _allIntegers = false;
        if (!_allIntegers && _allNumbers && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) _allNumbers = false;
    }

    /// <summary>The inferred type; a column with no present value in the sample is a String.</summary>
    public ColumnType Result => !_anyPresent ? ColumnType.String : _allIntegers ? ColumnType.Int64 : _allNumbers ? ColumnType.Float64 : ColumnType.String;
}
