namespace Millrace.Compute.IO;

/// <summary>
/// A column chunk as its distinct values and how many rows hold each — all that statistics need of a
/// dictionary-encoded chunk, read without a per-row array (<see cref="Parquet.ParquetFileReader.ReadRowGroupCounts"/>).
/// </summary>
/// <param name="Name">The column's name.</param>
/// <param name="Type">The column's type.</param>
/// <param name="Numbers">The distinct values of a numeric column as float64 (NaN for a NaN of the data); null for strings.</param>
/// <param name="Strings">The UTF-8 bytes of the distinct values of a string column (slices of the page they were read from); null for numbers.</param>
/// <param name="Counts">How many rows hold each distinct value (some may be 0).</param>
/// <param name="Missing">How many rows are null.</param>
public sealed record CountedColumn(string Name, ColumnType Type, double[]? Numbers, ReadOnlyMemory<byte>[]? Strings, long[] Counts, long Missing);

/// <summary>One column of a row group read for statistics: counted (<see cref="Counts"/>) or decoded (<see cref="Column"/>).</summary>
/// <param name="Column">The decoded column, when the chunk was not dictionary-encoded.</param>
/// <param name="Counts">The distinct values and their counts, when it was.</param>
public sealed record ColumnOrCounts(Column? Column, CountedColumn? Counts)
{
    /// <summary>How many rows the column has.</summary>
    public long Rows => Column?.Length ?? Counts!.Counts.Sum() + Counts.Missing;
}
