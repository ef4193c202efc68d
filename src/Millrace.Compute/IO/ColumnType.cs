namespace Millrace.Compute.IO;

/// <summary>The physical type of a column in memory and in Parquet.</summary>
public enum ColumnType
{
    /// <summary>64-bit integers, with a missing mask.</summary>
    Int64,

    /// <summary>64-bit floats; a missing value is NaN.</summary>
    Float64,

    /// <summary>Strings, dictionary-encoded; a missing value has code −1.</summary>
    String,
}
