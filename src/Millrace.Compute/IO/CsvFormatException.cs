namespace Millrace.Compute.IO;

/// <summary>A CSV file that cannot be read as a table: where (file, line, column) and what to do about it.</summary>
public sealed class CsvFormatException : Exception
{
    /// <summary>Creates the exception for a cell or a row.</summary>
    public CsvFormatException(string path, long line, string? column, string problem)
        : base($"{path}:{line}{(column is null ? "" : $", column '{column}'")}: {problem}")
    {
        Path = path;
        Line = line;
        ColumnName = column;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The 1-based line of the bad row.</summary>
    public long Line { get; }

    /// <summary>The column of the bad cell, if the problem is one cell.</summary>
    public string? ColumnName { get; }
}
