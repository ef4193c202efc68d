namespace Millrace.Compute.IO;

/// <summary>Typed columns of equal length: a batch of rows in columnar form (a Parquet row group in memory).</summary>
public sealed class ColumnarTable
{
    /// <summary>Wraps columns of equal length.</summary>
    /// <exception cref="ArgumentException">The columns have different lengths.</exception>
    public ColumnarTable(IReadOnlyList<Column> columns)
    {
        if (columns.Select(c => c.Length).Distinct().Count() > 1)
            throw new ArgumentException("Every column of a table must have the same length.", nameof(columns));
        Columns = columns;
    }

    /// <summary>The columns, in file order.</summary>
    public IReadOnlyList<Column> Columns { get; }

    /// <summary>How many rows the table holds.</summary>
    public int RowCount => Columns.Count == 0 ? 0 : Columns[0].Length;

    /// <summary>The column of a name.</summary>
    /// <exception cref="KeyNotFoundException">No column has that name.</exception>
    public Column this[string name] => Columns.FirstOrDefault(c => c.Name == name)
        ?? throw new KeyNotFoundException($"No column '{name}'; the columns are {string.Join(", ", Columns.Select(c => c.Name))}.");

    /// <summary>
    /// Rows the reader could not read, in line order, when <see cref="CsvReadOptions.KeepReadingPastBadRows"/> is
    /// set; each holds a placeholder row at its <see cref="CsvBadRow.RowIndex"/>. Empty otherwise.
    /// </summary>
    public IReadOnlyList<CsvBadRow> BadRows => _badRows;

    private readonly List<CsvBadRow> _badRows = [];

    /// <summary>Appends the rows of a table with the same columns.</summary>
    public void Append(ColumnarTable other)
    {
        int offset = RowCount;
        for (int i = 0; i < Columns.Count; i++) Columns[i].AppendColumn(other.Columns[i]);
        foreach (var bad in other._badRows) _badRows.Add(bad with { RowIndex = bad.RowIndex + offset });
    }

    /// <summary>Appends tables with the same columns, growing each column once to the total.</summary>
    internal void AppendAll(IReadOnlyList<ColumnarTable> tables)
    {
        int rows = RowCount + tables.Sum(t => t.RowCount);
        foreach (var column in Columns) column.ReserveRows(rows);
        foreach (var table in tables) Append(table);
    }

    /// <summary>Records a bad row whose placeholder row the table already holds.</summary>
    internal void AddBadRow(CsvBadRow row) => _badRows.Add(row);

    /// <summary>Records a bad row whose placeholder is the table's last row.</summary>
    internal void AddBadRow(long line, string? column, int columnNumber, string problem) =>
        _badRows.Add(new CsvBadRow(line, column, columnNumber, problem, RowCount - 1));
}
