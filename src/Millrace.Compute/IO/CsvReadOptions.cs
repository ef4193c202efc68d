namespace Millrace.Compute.IO;

/// <summary>How <see cref="CsvColumnReader"/> reads a file.</summary>
public sealed record CsvReadOptions
{
    /// <summary>The field separator; <see langword="null"/> detects it from the header line (',', ';', tab, '|').</summary>
    public char? Separator { get; init; }

    /// <summary>Column types that override inference, by column name.</summary>
    public IReadOnlyDictionary<string, ColumnType> TypeOverrides { get; init; } = new Dictionary<string, ColumnType>();

    /// <summary>Cell texts read as missing values, compared exactly (pandas' common markers by default).</summary>
    public IReadOnlyList<string> MissingValues { get; init; } = ["", "NA", "N/A", "NaN", "nan", "null", "NULL"];

    /// <summary>How many leading rows decide each column's type: Int64 if every present value is an integer, else Float64 if a number, else String.</summary>
    public int InferenceRows { get; init; } = 10_000;

    /// <summary>How many bytes of the file are parsed at once (one row group); bounds the memory a read holds.</summary>
    public int BlockBytes { get; init; } = 16 << 20;

    /// <summary>
    /// When true, a bad row (ragged, a cell that does not parse as its column's type, invalid UTF-8) does not stop
    /// the read: it is listed in the block's <see cref="ColumnarTable.BadRows"/> instead. File-level problems (an
    /// empty file, an unclosed quote) still throw. False by default: the first bad row is a <see cref="CsvFormatException"/>.
    /// </summary>
    public bool KeepReadingPastBadRows { get; init; }
}
