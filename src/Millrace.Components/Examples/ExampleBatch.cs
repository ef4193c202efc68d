namespace Millrace.Components;

/// <summary>A batch of rows of one split (one Parquet row group), column by column.</summary>
/// <param name="Columns">The columns, in file order, all of <paramref name="RowCount"/> values.</param>
/// <param name="RowCount">How many rows the batch holds.</param>
public sealed record ExampleBatch(IReadOnlyList<ExampleColumn> Columns, int RowCount);
