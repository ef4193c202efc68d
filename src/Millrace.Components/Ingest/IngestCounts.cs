namespace Millrace.Components;

/// <summary>What an ingest wrote: rows per split, in split order, and the rows set aside as bad.</summary>
internal sealed class IngestCounts(int splits)
{
    public long[] SplitRows { get; } = new long[splits];

    public List<QuarantinedRow> BadRows { get; } = [];

    public long GoodRows => SplitRows.Sum();

    public long AllRows => GoodRows + BadRows.Count;
}

/// <summary>A bad row set aside: where it is and what was wrong.</summary>
internal sealed record QuarantinedRow(string File, long Line, int Column, string Problem);
