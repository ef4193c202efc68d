namespace Millrace.Compute.IO;

/// <summary>
/// A row that <see cref="CsvColumnReader"/> could not read while <see cref="CsvReadOptions.KeepReadingPastBadRows"/>
/// is set: where it is and what was wrong. The row still occupies <see cref="RowIndex"/> in its block, with
/// meaningless cells, so that the block's columns stay aligned; a consumer drops that row.
/// </summary>
/// <param name="Line">The 1-based line of the file where the row starts.</param>
/// <param name="ColumnName">The column of the bad cell, or <see langword="null"/> when the whole row is bad.</param>
/// <param name="ColumnNumber">The 1-based position of that column in the header, or 0 when the whole row is bad.</param>
/// <param name="Problem">What was wrong, in words.</param>
/// <param name="RowIndex">The placeholder row's index in its <see cref="ColumnarTable"/>.</param>
public sealed record CsvBadRow(long Line, string? ColumnName, int ColumnNumber, string Problem, int RowIndex);
