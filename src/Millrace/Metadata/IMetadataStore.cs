using System.Collections.Immutable;

namespace Millrace;

/// <summary>
/// The record of everything runs did, in ML Metadata's model: artifacts, executions, the input and output events
/// between them, and the pipeline and run contexts they belong to. <see cref="SqliteMetadataStore"/> keeps it in one
/// file; the interface is asynchronous so that a networked store (PostgreSQL) can implement it for multi-machine runs.
/// The queries are on <see cref="IMetadataReader"/>, the part components see.
/// </summary>
/// <remarks>Implementations are safe to call from several threads and from several processes at once.</remarks>
public interface IMetadataStore : IMetadataReader, IAsyncDisposable
{
    /// <summary>Records the start of a run in the pipeline's context.</summary>
    /// <exception cref="MetadataStoreException">A run with this id already exists.</exception>
    ValueTask<RunRecord> StartRunAsync(string pipeline, string runId, CancellationToken cancellationToken = default);

    /// <summary>Records how a run ended.</summary>
    ValueTask FinishRunAsync(string runId, RunState state, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks runs of this machine whose process no longer exists, and their running executions, as abandoned.
    /// </summary>
    /// <returns>How many runs were marked.</returns>
    ValueTask<int> AbandonDeadRunsAsync(CancellationToken cancellationToken = default);

    /// <summary>Records a running execution with its input events, in one transaction.</summary>
    /// <returns>The execution's id.</returns>
    ValueTask<long> StartExecutionAsync(NewExecution execution, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records, in one transaction, the execution's new outputs as live artifacts with their output events, the
    /// existing artifacts it resolved as outputs (<see cref="EventKind.ResolvedOutput"/> events: another execution
    /// made them), and its success. Call it only after the new outputs are in their final place.
    /// </summary>
    /// <returns>The new artifacts' ids, in the order given.</returns>
    ValueTask<ImmutableArray<long>> PublishExecutionAsync(long executionId, IReadOnlyList<NewArtifact> outputs,
        IReadOnlyList<ArtifactLink>? resolvedOutputs = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records, in one transaction, a cache hit: an execution whose outputs are the live outputs of an earlier one.
    /// </summary>
    /// <returns>The execution's id.</returns>
    ValueTask<long> RecordCachedExecutionAsync(NewExecution execution, PublishedExecution reused, CancellationToken cancellationToken = default);

    /// <summary>Records how an execution ended other than by success: failed, cancelled, skipped or blocked.</summary>
    ValueTask FinishExecutionAsync(long executionId, ExecutionState state, string? error, CancellationToken cancellationToken = default);

    /// <summary>Succeeded executions with this cache key whose outputs are all live, most recent first.</summary>
    ValueTask<ImmutableArray<PublishedExecution>> FindCachedExecutionsAsync(string cacheKey, CancellationToken cancellationToken = default);

    /// <summary>Marks an artifact lost: its files are missing or no longer match its digest.</summary>
    ValueTask MarkArtifactLostAsync(long artifactId, CancellationToken cancellationToken = default);
}
