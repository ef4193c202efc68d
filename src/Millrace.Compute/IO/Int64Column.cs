using System.Globalization;

namespace Millrace.Compute.IO;

/// <summary>A column of 64-bit integers with a missing mask (a missing row holds 0).</summary>
public sealed class Int64Column : Column
{
    private long[] _values = [];
    private bool[]? _missing;

    /// <summary>Creates an empty column.</summary>
    public Int64Column(string name) : base(name) { }

    /// <inheritdoc/>
    public override ColumnType Type => ColumnType.Int64;

    /// <summary>The values; a missing row holds 0.</summary>
    public ReadOnlySpan<long> Values => _values.AsSpan(0, Length);

    /// <summary>Which rows are missing; empty when none is.</summary>
    public ReadOnlySpan<bool> Missing => _missing is null ? default : _missing.AsSpan(0, Length);

    /// <inheritdoc/>
    public override bool IsMissing(int row) => _missing is not null && _missing[row];

    /// <summary>A column of these values; <see langword="null"/> is missing.</summary>
    public static Int64Column FromValues(string name, ReadOnlySpan<long?> values)
    {
        var column = new Int64Column(name) { _values = new long[values.Length], Length = values.Length };
        for (int row = 0; row < values.Length; row++)
        {
            if (values[row] is { } value) column._values[row] = value;
            else
            {
                column._missing ??= new bool[values.Length];
                column._missing[row] = true;
                column.MissingCount++;
            }
        }
        return column;
    }

    /// <summary>A column whose row r holds <c>values[codes[r]]</c>, or is missing (0) where the code is −1.</summary>
    internal static Int64Column FromCodes(string name, long[] values, int[] codes)
    {
        var column = new Int64Column(name) { _values = GC.AllocateUninitializedArray<long>(codes.Length), Length = codes.Length };
        var target = column._values;
        for (int row = 0; row < codes.Length; row++)
        {
            int code = codes[row];
            if (code >= 0)
            {
                target[row] = values[code];
                continue;
            }
            target[row] = 0;
            column._missing ??= new bool[codes.Length];
            column._missing[row] = true;
            column.MissingCount++;
        }
        return column;
    }

    /// <summary>A column over arrays a parser filled: the first <paramref name="length"/> rows, missing where <paramref name="missing"/> says.</summary>
    internal static Int64Column Adopt(string name, long[] values, bool[]? missing, int length) => new(name)
    {
        _values = values, _missing = missing, Length = length, MissingCount = missing is null ? 0 : missing.AsSpan(0, length).Count(true),
    };

    /// <summary>Takes the column's arrays away for reuse, leaving it empty (so that a stale reader sees no rows rather than other data).</summary>
    internal (long[] Values, bool[]? Missing) Detach()
    {
        var arrays = (_values, _missing);
        (_values, _missing, Length, MissingCount) = ([], null, 0, 0);
        return arrays;
    }

    /// <summary>The values as float64, NaN where missing: the input of the numeric kernels.</summary>
    public double[] ToFloat64()
    {
        var result = new double[Length];
        for (int i = 0; i < result.Length; i++) result[i] = IsMissing(i) ? double.NaN : _values[i];
        return result;
    }

    internal override bool TryAppend(ReadOnlySpan<char> text)
    {
        if (!TryParse(text, out long value)) return false;
        if (Length == _values.Length) Reserve(Length + 1);
        _values[Length++] = value;
        return true;
    }

    internal override bool TryAppendUtf8(ReadOnlySpan<byte> utf8)
    {
        if (!TryParse(utf8, out long value)) return false;
        if (Length == _values.Length) Reserve(Length + 1);
        _values[Length++] = value;
        return true;
    }

    internal override void ReserveRows(int rows)
    {
        GrowExactly(ref _values, rows);
        if (_missing is not null) GrowExactly(ref _missing, _values.Length);
    }

    internal override void AppendMissing()
    {
        _missing ??= new bool[_values.Length];
        Reserve(Length + 1);
        _values[Length] = 0;
        _missing[Length++] = true;
        MissingCount++;
    }

    internal override void AppendColumn(Column other)
    {
        var source = (Int64Column)other;
        int start = Length;
        if (source.MissingCount > 0) _missing ??= new bool[_values.Length];
        Reserve(start + source.Length);
        source.Values.CopyTo(_values.AsSpan(start));
        if (source.MissingCount > 0) source.Missing.CopyTo(_missing.AsSpan(start));
        Length += source.Length;
        MissingCount += source.MissingCount;
    }

    /// <summary>Grows the values, and the missing mask once there is one, to the same capacity.</summary>
    private void Reserve(int needed)
    {
        EnsureCapacity(ref _values, needed);
        if (_missing is not null && _missing.Length < _values.Length) Array.Resize(ref _missing, _values.Length);
    }

    /// <summary>The UTF-8 twin of <see cref="TryParse(ReadOnlySpan{char}, out long)"/>.</summary>
    internal static bool TryParse(ReadOnlySpan<byte> text, out long value)
    {
        int i = text.Length > 0 && text[0] == '-' ? 1 : 0;
        if (text.Length - i is > 0 and <= 18)
        {
            long result = 0;
            for (; i < text.Length; i++)
            {
                uint digit = (uint)(text[i] - '0');
                if (digit > 9) break;
                result = result * 10 + digit;
            }
            if (i == text.Length)
            {
                value = text[0] == '-' ? -result : result;
                return true;
            }
        }
        return long.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Plain decimal digits with an optional sign take a fast loop; anything else goes to <see cref="long.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider?, out long)"/>.</summary>
    private static bool TryParse(ReadOnlySpan<char> text, out long value)
    {
        int i = text.Length > 0 && text[0] == '-' ? 1 : 0;
        if (text.Length - i is > 0 and <= 18)
        {
            long result = 0;
            for (; i < text.Length; i++)
            {
                uint digit = (uint)(text[i] - '0');
                if (digit > 9) break;
                result = result * 10 + digit;
            }
            if (i == text.Length)
            {
                value = text[0] == '-' ? -result : result;
                return true;
            }
        }
        return long.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out value);
    }
}
