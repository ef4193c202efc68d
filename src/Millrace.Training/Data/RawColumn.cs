using Millrace.Compute.IO;

namespace Millrace.Training;

/// <summary>
/// One raw column as the transform reads it: numbers as float64 with NaN for missing (integers beyond 2⁵³ lose
/// precision), or strings dictionary-encoded with −1 for missing.
/// </summary>
public sealed class RawColumn
{
    private RawColumn(string name, ColumnType type, double[]? numbers, int[]? codes, IReadOnlyList<string>? dictionary)
    {
        Name = name;
        Type = type;
        Numbers = numbers;
        Codes = codes;
        Dictionary = dictionary;
        Length = numbers?.Length ?? codes!.Length;
    }

    /// <summary>The column's name.</summary>
    public string Name { get; }

    /// <summary>The type it was read as.</summary>
    public ColumnType Type { get; }

    /// <summary>How many rows.</summary>
    public int Length { get; }

    /// <summary>The values of a numeric column, NaN where missing; null for a string column.</summary>
    public double[]? Numbers { get; }

    /// <summary>The codes of a string column into <see cref="Dictionary"/>, −1 where missing; null for a numeric column.</summary>
    public int[]? Codes { get; }

    /// <summary>The distinct strings of a string column.</summary>
    public IReadOnlyList<string>? Dictionary { get; }

    /// <summary>A numeric column.</summary>
    public static RawColumn OfNumbers(string name, ColumnType type, double[] values) => new(name, type, values, null, null);

    /// <summary>A dictionary-encoded string column.</summary>
    public static RawColumn OfCodes(string name, int[] codes, IReadOnlyList<string> dictionary) => new(name, ColumnType.String, null, codes, dictionary);

    /// <summary>A string column from its values, null where missing.</summary>
    public static RawColumn OfStrings(string name, IReadOnlyList<string?> values)
    {
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        var dictionary = new List<string>();
        var codes = new int[values.Count];
        for (int i = 0; i < codes.Length; i++)
        {
            if (values[i] is not { } value) { codes[i] = -1; continue; }
            if (!lookup.TryGetValue(value, out int code)) { code = dictionary.Count; lookup.Add(value, code); dictionary.Add(value); }
            codes[i] = code;
        }
        return OfCodes(name, codes, dictionary);
    }

    /// <summary>A column of a <see cref="ColumnarTable"/>.</summary>
    public static RawColumn From(Column column) => column switch
    {
        Float64Column f => OfNumbers(f.Name, ColumnType.Float64, f.Values.ToArray()),
        Int64Column i => OfNumbers(i.Name, ColumnType.Int64, i.ToFloat64()),
        StringColumn s => OfCodes(s.Name, s.Codes.ToArray(), s.Dictionary),
        _ => throw new ArgumentException($"Column '{column.Name}' has an unknown type {column.Type}.", nameof(column)),
    };
}
