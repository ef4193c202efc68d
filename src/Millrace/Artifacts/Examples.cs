namespace Millrace;

/// <summary>Rows of data split into named splits (train, eval, ...), stored as Parquet files, one folder per split.</summary>
public sealed class Examples : Artifact;
