using System.Collections.Immutable;
using Microsoft.Data.Sqlite;

namespace Millrace;

public sealed partial class SqliteMetadataStore
{
    private const string ExecutionColumns =
        "SELECT e.id, r.name, p.name, e.node, e.component_id, e.state, e.cache_key, e.attempt, e.started_at, e.finished_at, e.error " +
        "FROM executions e JOIN associations a ON a.execution_id = e.id " +
        "JOIN contexts r ON r.id = a.context_id AND r.type = 'run' JOIN contexts p ON p.id = r.parent_id ";

    private const string RunColumns =
        "SELECT r.name, p.name, r.state, r.started_at, r.finished_at, r.host, r.process_id FROM contexts r JOIN contexts p ON p.id = r.parent_id ";

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<PublishedExecution>> FindCachedExecutionsAsync(string cacheKey, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var executions = ReadExecutions(ExecutionColumns + "WHERE e.cache_key = $key AND e.state = $state ORDER BY e.id DESC LIMIT 8;",
                ("$key", cacheKey), ("$state", (int)ExecutionState.Succeeded));
            return ValueTask.FromResult(executions.Select(WithLiveOutputs).OfType<PublishedExecution>().ToImmutableArray());
        }
    }

    /// <inheritdoc/>
    public ValueTask<PublishedExecution?> FindLatestPublishedAsync(string pipeline, string node, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var executions = ReadExecutions(ExecutionColumns +
                "WHERE e.node = $node AND e.state IN ($succeeded, $cached) AND p.name = $pipeline ORDER BY e.id DESC LIMIT 8;",
                ("$node", node), ("$succeeded", (int)ExecutionState.Succeeded), ("$cached", (int)ExecutionState.Cached), ("$pipeline", pipeline));
            return ValueTask.FromResult(executions.Select(WithLiveOutputs).FirstOrDefault(e => e is not null));
        }
    }

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<ArtifactRecord>> FindArtifactsAsync(ArtifactQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit < 1) throw new ArgumentOutOfRangeException(nameof(query), query.Limit, "An artifact query's Limit must be at least 1.");
        var sql = new System.Text.StringBuilder(
            "SELECT a.id FROM artifacts a JOIN artifact_types t ON t.id = a.type_id " +
            "JOIN attributions w ON w.artifact_id = a.id JOIN contexts r ON r.id = w.context_id AND r.type = 'run' " +
            "JOIN contexts p ON p.id = r.parent_id " +
            "WHERE t.name = $type AND a.state = $live AND p.name = $pipeline AND ($excluded IS NULL OR r.name <> $excluded) " +
            "AND ($before IS NULL OR a.id < $before)");
        var parameters = new List<(string, object?)>
        {
            ("$type", query.TypeName), ("$live", (int)ArtifactState.Live), ("$pipeline", query.Pipeline),
            ("$excluded", query.ExcludedRun), ("$before", query.BeforeId), ("$limit", query.Limit),
        };
        var index = 0;
        foreach (var (name, value) in query.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            sql.Append($" AND EXISTS (SELECT 1 FROM artifact_properties q WHERE q.artifact_id = a.id AND q.name = $n{index} AND q.value = $v{index})");
            parameters.Add(($"$n{index}", name));
            parameters.Add(($"$v{index}", value));
            index++;
        }
        sql.Append(" ORDER BY a.id DESC LIMIT $limit;");
        lock (_gate)
        {
            var ids = ReadAll(Command(sql.ToString(), [.. parameters]), r => r.GetInt64(0));
            return ValueTask.FromResult(ids.Select(id => LoadArtifact(id)!).ToImmutableArray());
        }
    }

    /// <inheritdoc/>
    public ValueTask<ExecutionRecord?> GetProducerAsync(long artifactId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var executions = ReadExecutions(ExecutionColumns +
                "JOIN events v ON v.execution_id = e.id WHERE v.artifact_id = $id AND v.kind = $output AND e.state = $succeeded ORDER BY e.id LIMIT 1;",
                ("$id", artifactId), ("$output", (int)EventKind.Output), ("$succeeded", (int)ExecutionState.Succeeded));
            return ValueTask.FromResult<ExecutionRecord?>(executions.FirstOrDefault());
        }
    }

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<RunRecord>> ListRunsAsync(string? pipeline = null, int limit = 20, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var command = Command(RunColumns + "WHERE r.type = 'run' AND ($pipeline IS NULL OR p.name = $pipeline) ORDER BY r.id DESC LIMIT $limit;",
                ("$pipeline", pipeline), ("$limit", limit));
            return ValueTask.FromResult(ReadAll(command, ReadRun));
        }
    }

    /// <inheritdoc/>
    public ValueTask<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var command = Command(RunColumns + "WHERE r.type = 'run' AND r.name = $name;", ("$name", runId));
            return ValueTask.FromResult<RunRecord?>(ReadAll(command, ReadRun).FirstOrDefault());
        }
    }

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<ExecutionRecord>> GetExecutionsAsync(string runId, CancellationToken cancellationToken = default)
    {
        lock (_gate) return ValueTask.FromResult(ReadExecutions(ExecutionColumns + "WHERE r.name = $run ORDER BY e.id;", ("$run", runId)));
    }

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<EventRecord>> GetEventsAsync(long executionId, CancellationToken cancellationToken = default)
    {
        lock (_gate) return ValueTask.FromResult(LoadEvents(executionId));
    }

    /// <inheritdoc/>
    public ValueTask<ArtifactRecord?> GetArtifactAsync(long artifactId, CancellationToken cancellationToken = default)
    {
        lock (_gate) return ValueTask.FromResult(LoadArtifact(artifactId));
    }

    /// <inheritdoc/>
    public ValueTask<Lineage> GetLineageAsync(long artifactId, LineageDirection direction, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var origin = LoadArtifact(artifactId) ?? throw new MetadataStoreException($"The metadata store '{Path}' has no artifact {artifactId}.");
            var (artifacts, executions, events) = (new List<ArtifactRecord> { origin }, new List<ExecutionRecord>(), new List<EventRecord>());
            var (seenArtifacts, seenExecutions) = (new HashSet<long> { artifactId }, new HashSet<long>());
            var frontier = new Queue<long>([artifactId]);
            // Upstream follows an artifact to the execution that made it (not the cache hits that reused it) and on to
            // that execution's inputs; downstream follows it to every execution that read it and on to their outputs.
            var (toExecution, fromExecution) = direction == LineageDirection.Upstream
                ? (EventKind.Output, EventKind.Input)
                : (EventKind.Input, EventKind.Output);
            while (frontier.TryDequeue(out var current))
            {
                foreach (var link in EventsOfArtifact(current, toExecution))
                {
                    var execution = ReadExecutions(ExecutionColumns + "WHERE e.id = $id;", ("$id", link.ExecutionId))[0];
                    if (direction == LineageDirection.Upstream && execution.State != ExecutionState.Succeeded) continue;
                    events.Add(link);
                    if (!seenExecutions.Add(execution.Id)) continue;
                    executions.Add(execution);
                    foreach (var next in LoadEvents(execution.Id).Where(e => e.Kind == fromExecution))
                    {
                        events.Add(next);
                        if (!seenArtifacts.Add(next.ArtifactId)) continue;
                        artifacts.Add(LoadArtifact(next.ArtifactId)!);
                        frontier.Enqueue(next.ArtifactId);
                    }
                }
            }
            return ValueTask.FromResult(new Lineage(origin, direction, [.. artifacts], [.. executions], [.. events]));
        }
    }

    private PublishedExecution? WithLiveOutputs(ExecutionRecord execution)
    {
        // A resolver's outputs are the artifacts it resolved: they count as its outputs here, though not as made by it.
        var ids = ReadAll(Command("SELECT artifact_id FROM events WHERE execution_id = $id AND kind IN ($output, $resolved) ORDER BY port_index;",
            ("$id", execution.Id), ("$output", (int)EventKind.Output), ("$resolved", (int)EventKind.ResolvedOutput)), r => r.GetInt64(0));
        var outputs = ids.Select(id => LoadArtifact(id)!).ToImmutableArray();
        return outputs.All(a => a.State == ArtifactState.Live) ? new PublishedExecution(execution, outputs) : null;
    }

    private ImmutableArray<EventRecord> EventsOfArtifact(long artifactId, EventKind kind)
    {
        var command = Command("SELECT execution_id, artifact_id, kind, port, port_index FROM events WHERE artifact_id = $id AND kind = $kind ORDER BY execution_id;",
            ("$id", artifactId), ("$kind", (int)kind));
        return ReadAll(command, ReadEvent);
    }

    private ImmutableArray<EventRecord> LoadEvents(long executionId)
    {
        var command = Command("SELECT execution_id, artifact_id, kind, port, port_index FROM events WHERE execution_id = $id ORDER BY kind, port_index;",
            ("$id", executionId));
        return ReadAll(command, ReadEvent);
    }

    private ArtifactRecord? LoadArtifact(long artifactId)
    {
        // One query for the artifact and its properties: a row per property, or one row of nulls when it has none.
        using var reader = Command(
            "SELECT a.id, t.name, a.uri, a.state, a.digest, a.created_at, p.name, p.value FROM artifacts a " +
            "JOIN artifact_types t ON t.id = a.type_id LEFT JOIN artifact_properties p ON p.artifact_id = a.id WHERE a.id = $id;",
            ("$id", artifactId)).ExecuteReader();
        if (!reader.Read()) return null;
        var properties = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var artifact = new ArtifactRecord(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), (ArtifactState)reader.GetInt32(3),
            reader.GetString(4), properties, FromUnix(reader.GetInt64(5)));
        do
        {
            if (!reader.IsDBNull(6)) properties[reader.GetString(6)] = reader.GetString(7);
        }
        while (reader.Read());
        return artifact;
    }

    private ImmutableArray<ExecutionRecord> ReadExecutions(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = Command(sql, parameters);
        return ReadAll(command, r => new ExecutionRecord(
            r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), (ExecutionState)r.GetInt32(5),
            r.IsDBNull(6) ? null : r.GetString(6), r.GetInt32(7), FromUnix(r.GetInt64(8)),
            r.IsDBNull(9) ? null : FromUnix(r.GetInt64(9)), r.IsDBNull(10) ? null : r.GetString(10)));
    }

    private static RunRecord ReadRun(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), (RunState)r.GetInt32(2), FromUnix(r.GetInt64(3)),
        r.IsDBNull(4) ? null : FromUnix(r.GetInt64(4)), r.GetString(5), r.GetInt32(6));

    private static EventRecord ReadEvent(SqliteDataReader r) =>
        new(r.GetInt64(0), r.GetInt64(1), (EventKind)r.GetInt32(2), r.GetString(3), r.GetInt32(4));

    private static ImmutableArray<T> ReadAll<T>(SqliteCommand command, Func<SqliteDataReader, T> read)
    {
        using var reader = command.ExecuteReader();
        var rows = ImmutableArray.CreateBuilder<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows.ToImmutable();
    }
}
