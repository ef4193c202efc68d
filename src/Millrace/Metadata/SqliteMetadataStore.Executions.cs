using System.Collections.Immutable;
using Microsoft.Data.Sqlite;

namespace Millrace;

public sealed partial class SqliteMetadataStore
{
    /// <inheritdoc/>
    public ValueTask<long> StartExecutionAsync(NewExecution execution, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            using var transaction = BeginWrite();
            var id = InsertExecution(execution, ExecutionState.Running, finished: false);
            transaction.Commit();
            return ValueTask.FromResult(id);
        }
    }

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<long>> PublishExecutionAsync(long executionId, IReadOnlyList<NewArtifact> outputs,
        IReadOnlyList<ArtifactLink>? resolvedOutputs = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            using var transaction = BeginWrite();
            // A rolled-back transaction may have inserted an artifact type that the cache would otherwise remember.
            var typeCount = _typeIds.Count;
            try
            {
                var published = Publish(executionId, outputs, resolvedOutputs ?? []);
                transaction.Commit();
                return ValueTask.FromResult(published);
            }
            catch
            {
                if (_typeIds.Count != typeCount) _typeIds.Clear();
                throw;
            }
        }
    }

    private ImmutableArray<long> Publish(long executionId, IReadOnlyList<NewArtifact> outputs, IReadOnlyList<ArtifactLink> resolvedOutputs)
    {
        var runContext = Scalar<long?>("SELECT context_id FROM associations WHERE execution_id = $id;", ("$id", executionId))
            ?? throw new MetadataStoreException($"The metadata store '{Path}' has no execution {executionId} to publish.");
        var now = Now();
        var ids = ImmutableArray.CreateBuilder<long>(outputs.Count);
        foreach (var output in outputs)
        {
            var artifactId = Scalar<long>(
                "INSERT INTO artifacts (type_id, uri, state, digest, created_at) VALUES ($type, $uri, $state, $digest, $now) RETURNING id;",
                ("$type", TypeId(output.TypeName)), ("$uri", output.Uri), ("$state", (int)ArtifactState.Live),
                ("$digest", output.Digest), ("$now", now));
            foreach (var (name, value) in output.Properties)
            {
                Execute("INSERT INTO artifact_properties (artifact_id, name, value) VALUES ($id, $name, $value);",
                    ("$id", artifactId), ("$name", name), ("$value", value));
            }
            InsertEvent(executionId, new ArtifactLink(artifactId, output.Port, output.PortIndex), EventKind.Output);
            Execute("INSERT INTO attributions (context_id, artifact_id) VALUES ($context, $artifact);",
                ("$context", runContext), ("$artifact", artifactId));
            ids.Add(artifactId);
        }
        // A resolved output belongs to the run that made it: an event links it here, and no attribution.
        foreach (var resolved in resolvedOutputs)
        {
            if (Scalar<long?>("SELECT state FROM artifacts WHERE id = $id;", ("$id", resolved.ArtifactId)) != (long)ArtifactState.Live)
                throw new MetadataStoreException($"Execution {executionId} resolved artifact {resolved.ArtifactId} as output '{resolved.Port}', which '{Path}' does not hold live.");
            InsertEvent(executionId, resolved, EventKind.ResolvedOutput);
        }
        var changed = Execute("UPDATE executions SET state = $state, finished_at = $now WHERE id = $id AND state = $running;",
            ("$state", (int)ExecutionState.Succeeded), ("$now", now), ("$id", executionId), ("$running", (int)ExecutionState.Running));
        if (changed == 0)
            throw new MetadataStoreException($"Execution {executionId} in '{Path}' is no longer running; its outputs were not published.");
        return ids.MoveToImmutable();
    }

    /// <inheritdoc/>
    public ValueTask<long> RecordCachedExecutionAsync(NewExecution execution, PublishedExecution reused, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            using var transaction = BeginWrite();
            var id = InsertExecution(execution, ExecutionState.Cached, finished: true);
            Execute("INSERT INTO events (execution_id, artifact_id, kind, port, port_index) " +
                "SELECT $new, artifact_id, kind, port, port_index FROM events WHERE execution_id = $old AND kind = $output;",
                ("$new", id), ("$old", reused.Execution.Id), ("$output", (int)EventKind.Output));
            transaction.Commit();
            return ValueTask.FromResult(id);
        }
    }

    /// <inheritdoc/>
    public ValueTask FinishExecutionAsync(long executionId, ExecutionState state, string? error, CancellationToken cancellationToken = default)
    {
        if (state is ExecutionState.Running or ExecutionState.Succeeded or ExecutionState.Cached)
            throw new ArgumentOutOfRangeException(nameof(state), state, "Success is recorded by publishing; this records the other endings.");
        lock (_gate)
        {
            // Only a running execution can end: a published one stays succeeded whatever happens after its commit.
            Execute("UPDATE executions SET state = $state, finished_at = $now, error = $error WHERE id = $id AND state = $running;",
                ("$state", (int)state), ("$now", Now()), ("$error", error), ("$id", executionId), ("$running", (int)ExecutionState.Running));
            return ValueTask.CompletedTask;
        }
    }

    /// <inheritdoc/>
    public ValueTask MarkArtifactLostAsync(long artifactId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            Execute("UPDATE artifacts SET state = $state WHERE id = $id;", ("$state", (int)ArtifactState.Lost), ("$id", artifactId));
            return ValueTask.CompletedTask;
        }
    }

    private long InsertExecution(NewExecution execution, ExecutionState state, bool finished)
    {
        var (runContext, _) = RunContextOf(execution.RunId);
        var now = Now();
        var id = Scalar<long>(
            "INSERT INTO executions (node, component_id, state, cache_key, attempt, started_at, finished_at) " +
            "VALUES ($node, $component, $state, $key, $attempt, $now, $finished) RETURNING id;",
            ("$node", execution.Node), ("$component", execution.ComponentId), ("$state", (int)state),
            ("$key", execution.CacheKey), ("$attempt", execution.Attempt), ("$now", now), ("$finished", finished ? now : null));
        Execute("INSERT INTO associations (context_id, execution_id) VALUES ($context, $execution);",
            ("$context", runContext), ("$execution", id));
        foreach (var input in execution.Inputs) InsertEvent(id, input, EventKind.Input);
        return id;
    }

    private void InsertEvent(long executionId, ArtifactLink link, EventKind kind) =>
        Execute(
            "INSERT INTO events (execution_id, artifact_id, kind, port, port_index) VALUES ($execution, $artifact, $kind, $port, $index);",
            ("$execution", executionId), ("$artifact", link.ArtifactId), ("$kind", (int)kind), ("$port", link.Port), ("$index", link.PortIndex));

    private long TypeId(string typeName)
    {
        if (_typeIds.TryGetValue(typeName, out var id)) return id;
        Execute("INSERT OR IGNORE INTO artifact_types (name) VALUES ($name);", ("$name", typeName));
        return _typeIds[typeName] = Scalar<long>("SELECT id FROM artifact_types WHERE name = $name;", ("$name", typeName));
    }
}
