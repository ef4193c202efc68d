using Millrace.Compute.IO;

namespace Millrace.Training;

/// <summary>Raw columns of equal length: a split, or a row group of one, as the transform and the trainer read it.</summary>
public sealed class RawTable
{
    /// <summary>Wraps columns of equal length.</summary>
    /// <exception cref="ArgumentException">The columns differ in length.</exception>
    public RawTable(IReadOnlyList<RawColumn> columns)
    {
        if (columns.Select(c => c.Length).Distinct().Count() > 1)
            throw new ArgumentException("Every column of a table must have the same length.", nameof(columns));
        Columns = columns;
    }

    /// <summary>The columns.</summary>
    public IReadOnlyList<RawColumn> Columns { get; }

    /// <summary>How many rows.</summary>
    public int RowCount => Columns.Count == 0 ? 0 : Columns[0].Length;

    /// <summary>The column of a name, or null.</summary>
    public RawColumn? Find(string name) => Columns.FirstOrDefault(c => c.Name == name);

    /// <summary>The names, comma-separated, for error messages.</summary>
    public string ColumnList => string.Join(", ", Columns.Select(c => c.Name));

    /// <summary>The columns of a <see cref="ColumnarTable"/>.</summary>
    public static RawTable From(ColumnarTable table) => new(table.Columns.Select(RawColumn.From).ToArray());

    /// <summary>The rows of several tables with the same columns, one after another (row groups of one split).</summary>
    /// <exception cref="TrainingDataException">The tables have different columns.</exception>
    public static RawTable Concat(IReadOnlyList<RawTable> parts)
    {
        if (parts.Count == 1) return parts[0];
        if (parts.Count == 0) return new RawTable([]);
        var first = parts[0];
        var columns = new RawColumn[first.Columns.Count];
        for (int c = 0; c < columns.Length; c++)
        {
            var name = first.Columns[c].Name;
            var pieces = parts.Select(p => p.Find(name) ?? throw new TrainingDataException($"Column '{name}' is missing from a row group; its columns are {p.ColumnList}.")).ToArray();
            columns[c] = first.Columns[c].Numbers is not null
                ? RawColumn.OfNumbers(name, first.Columns[c].Type, pieces.SelectMany(p => p.Numbers ?? throw Mixed(name)).ToArray())
                : RawColumn.OfStrings(name, pieces.SelectMany(p => p.Codes?.Select(code => code < 0 ? null : p.Dictionary![code]) ?? throw Mixed(name)).ToArray());
        }
        return new RawTable(columns);
    }

    private static TrainingDataException Mixed(string name) => new($"Column '{name}' holds numbers in one row group and strings in another.");
}
