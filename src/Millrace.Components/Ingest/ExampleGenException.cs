namespace Millrace.Components;

/// <summary>
/// Input an ExampleGen cannot ingest: a bad row (with its file, line and column), an empty or header-only file,
/// too many quarantined rows, an input pattern that matches nothing. The message is one line that says what,
/// where and what to do.
/// </summary>
public sealed class ExampleGenException : Exception
{
    /// <summary>Creates the exception for a problem that is not tied to one row.</summary>
    public ExampleGenException(string message) : base(message) { }

    /// <summary>Creates the exception for a bad row of a file.</summary>
    public ExampleGenException(string message, string path, long line, int column, Exception? inner = null) : base(message, inner)
    {
        FilePath = path;
        Line = line;
        Column = column;
    }

    /// <summary>The file of the bad row, if any.</summary>
    public string? FilePath { get; }

    /// <summary>The 1-based line of the bad row, or 0.</summary>
    public long Line { get; }

    /// <summary>The 1-based column (field position) of the bad cell, or 0 when the whole row is bad.</summary>
    public int Column { get; }
}
