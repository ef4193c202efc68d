namespace Millrace.Components;

/// <summary>How the Parquet files of <see cref="Examples"/> are compressed.</summary>
public enum ExampleCompression
{
    /// <summary>Snappy: small files, the usual Parquet default.</summary>
    Snappy,

    /// <summary>No compression: larger files, faster to write and read back.</summary>
    None,

    /// <summary>Zstandard: smaller files than Snappy, slower to write.</summary>
    Zstd,
}
