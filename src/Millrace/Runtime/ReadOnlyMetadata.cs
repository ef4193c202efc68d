using System.Collections.Immutable;

namespace Millrace;

/// <summary>
/// What <see cref="ComponentContext.Metadata"/> hands a component: the store's queries behind an object that is not
/// the store, so that no cast gets a component to the methods that write.
/// </summary>
internal sealed class ReadOnlyMetadata(IMetadataReader store) : IMetadataReader
{
    public ValueTask<ImmutableArray<ArtifactRecord>> FindArtifactsAsync(ArtifactQuery query, CancellationToken cancellationToken = default) =>
        store.FindArtifactsAsync(query, cancellationToken);

    public ValueTask<ArtifactRecord?> GetArtifactAsync(long artifactId, CancellationToken cancellationToken = default) =>
        store.GetArtifactAsync(artifactId, cancellationToken);

    public ValueTask<ExecutionRecord?> GetProducerAsync(long artifactId, CancellationToken cancellationToken = default) =>
        store.GetProducerAsync(artifactId, cancellationToken);

    public ValueTask<ImmutableArray<EventRecord>> GetEventsAsync(long executionId, CancellationToken cancellationToken = default) =>
        store.GetEventsAsync(executionId, cancellationToken);

    public ValueTask<PublishedExecution?> FindLatestPublishedAsync(string pipeline, string node, CancellationToken cancellationToken = default) =>
        store.FindLatestPublishedAsync(pipeline, node, cancellationToken);

    public ValueTask<ImmutableArray<RunRecord>> ListRunsAsync(string? pipeline = null, int limit = 20, CancellationToken cancellationToken = default) =>
        store.ListRunsAsync(pipeline, limit, cancellationToken);

    public ValueTask<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken = default) =>
        store.GetRunAsync(runId, cancellationToken);

    public ValueTask<ImmutableArray<ExecutionRecord>> GetExecutionsAsync(string runId, CancellationToken cancellationToken = default) =>
        store.GetExecutionsAsync(runId, cancellationToken);

    public ValueTask<Lineage> GetLineageAsync(long artifactId, LineageDirection direction, CancellationToken cancellationToken = default) =>
        store.GetLineageAsync(artifactId, direction, cancellationToken);
}
