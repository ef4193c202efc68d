using System.Collections.Immutable;

namespace Millrace;

/// <summary>
/// The read half of the metadata store. A component sees the store only through this interface
/// (<see cref="ComponentContext.Metadata"/>): enough for a resolver to find what earlier runs published, and nothing
/// that could change the record.
/// </summary>
/// <remarks>Implementations are safe to call from several threads and from several processes at once.</remarks>
public interface IMetadataReader
{
    /// <summary>
    /// Live artifacts of one type that runs of one pipeline published, newest first (see <see cref="ArtifactQuery"/>
    /// for the filters). A cache hit publishes nothing, so each artifact appears once, under the run that made it.
    /// </summary>
    ValueTask<ImmutableArray<ArtifactRecord>> FindArtifactsAsync(ArtifactQuery query, CancellationToken cancellationToken = default);

    /// <summary>An artifact, or <see langword="null"/> when the store has none with this id.</summary>
    ValueTask<ArtifactRecord?> GetArtifactAsync(long artifactId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The execution that made an artifact (the succeeded one that published it, not a cache hit that reused it nor a
    /// resolver that handed it on), or <see langword="null"/> when the store has no such execution.
    /// </summary>
    ValueTask<ExecutionRecord?> GetProducerAsync(long artifactId, CancellationToken cancellationToken = default);

    /// <summary>The input and output events of an execution.</summary>
    ValueTask<ImmutableArray<EventRecord>> GetEventsAsync(long executionId, CancellationToken cancellationToken = default);

    /// <summary>The most recent succeeded or cached execution of a step whose outputs are all live, or <see langword="null"/>.</summary>
    ValueTask<PublishedExecution?> FindLatestPublishedAsync(string pipeline, string node, CancellationToken cancellationToken = default);

    /// <summary>The most recent runs, optionally of one pipeline.</summary>
    ValueTask<ImmutableArray<RunRecord>> ListRunsAsync(string? pipeline = null, int limit = 20, CancellationToken cancellationToken = default);

    /// <summary>A run, or <see langword="null"/> when the store has none with this id.</summary>
    ValueTask<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>The executions of a run, in the order they started.</summary>
    ValueTask<ImmutableArray<ExecutionRecord>> GetExecutionsAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Walks the metadata graph from an artifact: upstream, the executions that produced it and their inputs, back to
    /// the sources; downstream, the executions that read it and what they produced.
    /// </summary>
    /// <exception cref="MetadataStoreException">The store has no artifact with this id.</exception>
    ValueTask<Lineage> GetLineageAsync(long artifactId, LineageDirection direction, CancellationToken cancellationToken = default);
}
