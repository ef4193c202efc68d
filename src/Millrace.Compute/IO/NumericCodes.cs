namespace Millrace.Compute.IO;

/// <summary>
/// The dictionary encoding of a numeric column read from Parquet: its distinct values (as float64) and, per row,
/// an index into them or −1 when missing. Statistics over it cost a pass over the codes and work per distinct
/// value, not per row.
/// </summary>
/// <param name="Dictionary">The distinct values of the row group.</param>
/// <param name="Codes">Per row, an index into <paramref name="Dictionary"/>, or −1 when the row is missing.</param>
public sealed record NumericCodes(double[] Dictionary, int[] Codes);
