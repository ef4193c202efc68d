using Millrace.Compute.IO;

namespace Millrace.Components;

/// <summary>
/// One column of an <see cref="ExampleBatch"/> as Parquet holds it: exactly one of <see cref="Int64s"/>,
/// <see cref="Float64s"/> or <see cref="Strings"/> is set, with <see langword="null"/> for a missing value.
/// </summary>
public sealed class ExampleColumn
{
    /// <summary>Creates a column.</summary>
    public ExampleColumn(string name, ColumnType type, Array values)
    {
        Name = name;
        Type = type;
        Values = values;
    }

    /// <summary>The feature's name.</summary>
    public string Name { get; }

    /// <summary>The physical type.</summary>
    public ColumnType Type { get; }

    /// <summary>The values: <c>long?[]</c>, <c>double?[]</c> or <c>string?[]</c>.</summary>
    public Array Values { get; }

    /// <summary>The values of an Int64 column, else <see langword="null"/>.</summary>
    public long?[]? Int64s => Values as long?[];

    /// <summary>The values of a Float64 column, else <see langword="null"/>.</summary>
    public double?[]? Float64s => Values as double?[];

    /// <summary>The values of a String column, else <see langword="null"/>.</summary>
    public string?[]? Strings => Values as string?[];

    /// <summary>
    /// The values of a numeric column as float64 with NaN for missing (the input of the kernels); a present NaN
    /// is counted in <paramref name="presentNaNs"/> and also becomes NaN.
    /// </summary>
    public double[] ToFloat64(out long presentNaNs)
    {
        presentNaNs = 0;
        var result = new double[Values.Length];
        if (Int64s is { } longs)
        {
            for (int i = 0; i < longs.Length; i++) result[i] = longs[i] is { } v ? v : double.NaN;
        }
        else if (Float64s is { } doubles)
        {
            for (int i = 0; i < doubles.Length; i++)
            {
                if (doubles[i] is { } v) { result[i] = v; if (double.IsNaN(v)) presentNaNs++; }
                else result[i] = double.NaN;
            }
        }
        else throw new InvalidOperationException($"Column '{Name}' is a {Type} column, not a numeric one.");
        return result;
    }
}
