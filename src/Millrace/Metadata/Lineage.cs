using System.Collections.Immutable;

namespace Millrace;

/// <summary>The part of the metadata graph reachable from one artifact in one direction.</summary>
/// <param name="Origin">The artifact the query started from.</param>
/// <param name="Direction">Which way it walked.</param>
/// <param name="Artifacts">Every artifact reached, the origin first.</param>
/// <param name="Executions">Every execution reached, nearest first.</param>
/// <param name="Events">The events that connect them.</param>
public sealed record Lineage(
    ArtifactRecord Origin,
    LineageDirection Direction,
    ImmutableArray<ArtifactRecord> Artifacts,
    ImmutableArray<ExecutionRecord> Executions,
    ImmutableArray<EventRecord> Events);
