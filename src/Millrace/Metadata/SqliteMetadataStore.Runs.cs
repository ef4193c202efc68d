using System.Diagnostics;

namespace Millrace;

public sealed partial class SqliteMetadataStore
{
    /// <inheritdoc/>
    public ValueTask<RunRecord> StartRunAsync(string pipeline, string runId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            using var transaction = BeginWrite();
            var pipelineId = Scalar<long?>("SELECT id FROM contexts WHERE type = $type AND name = $name;",
                ("$type", PipelineContext), ("$name", pipeline)) ?? Scalar<long>(
                "INSERT INTO contexts (type, name, started_at) VALUES ($type, $name, $now) RETURNING id;",
                ("$type", PipelineContext), ("$name", pipeline), ("$now", Now()));
            if (Scalar<long?>("SELECT id FROM contexts WHERE type = $type AND name = $name;", ("$type", RunContext), ("$name", runId)) is not null)
                throw new MetadataStoreException($"The metadata store '{Path}' already has a run '{runId}'; run ids must be unique.");
            var now = Now();
            var (host, pid) = (Environment.MachineName, Environment.ProcessId);
            var id = Scalar<long>(
                "INSERT INTO contexts (type, name, parent_id, state, started_at, host, process_id) " +
                "VALUES ($type, $name, $parent, $state, $now, $host, $pid) RETURNING id;",
                ("$type", RunContext), ("$name", runId), ("$parent", pipelineId), ("$state", (int)RunState.Running),
                ("$now", now), ("$host", host), ("$pid", pid));
            transaction.Commit();
            _runs[runId] = (id, pipeline);
            return ValueTask.FromResult(new RunRecord(runId, pipeline, RunState.Running, FromUnix(now), null, host, pid));
        }
    }

    /// <inheritdoc/>
    public ValueTask FinishRunAsync(string runId, RunState state, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var changed = Execute("UPDATE contexts SET state = $state, finished_at = $now WHERE type = $type AND name = $name;",
                ("$state", (int)state), ("$now", Now()), ("$type", RunContext), ("$name", runId));
            if (changed == 0) throw UnknownRun(runId);
            return ValueTask.CompletedTask;
        }
    }

    /// <inheritdoc/>
    public ValueTask<int> AbandonDeadRunsAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var candidates = new List<(long Id, int ProcessId)>();
            var command = Command("SELECT id, process_id FROM contexts WHERE type = $type AND state = $state AND host = $host;",
                ("$type", RunContext), ("$state", (int)RunState.Running), ("$host", Environment.MachineName));
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read()) candidates.Add((reader.GetInt64(0), reader.GetInt32(1)));
            }
            var dead = candidates.Where(run => !IsProcessAlive(run.ProcessId)).ToList();
            if (dead.Count == 0) return ValueTask.FromResult(0);

            using var transaction = BeginWrite();
            var now = Now();
            foreach (var (id, _) in dead)
            {
                Execute("UPDATE contexts SET state = $abandoned, finished_at = $now WHERE id = $id AND state = $running;",
                    ("$abandoned", (int)RunState.Abandoned), ("$now", now), ("$id", id), ("$running", (int)RunState.Running));
                Execute(
                    "UPDATE executions SET state = $abandoned, finished_at = $now, error = 'the process running it died' " +
                    "WHERE state = $running AND id IN (SELECT execution_id FROM associations WHERE context_id = $id);",
                    ("$abandoned", (int)ExecutionState.Abandoned), ("$now", now), ("$id", id), ("$running", (int)ExecutionState.Running));
            }
            transaction.Commit();
            return ValueTask.FromResult(dead.Count);
        }
    }

    private static bool IsProcessAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private MetadataStoreException UnknownRun(string runId) =>
        new($"The metadata store '{Path}' has no run '{runId}'.");

    private (long Id, string Pipeline) RunContextOf(string runId)
    {
        if (_runs.TryGetValue(runId, out var run)) return run;
        var command = Command(
            "SELECT r.id, p.name FROM contexts r JOIN contexts p ON p.id = r.parent_id WHERE r.type = $type AND r.name = $name;",
            ("$type", RunContext), ("$name", runId));
        using var reader = command.ExecuteReader();
        if (!reader.Read()) throw UnknownRun(runId);
        return _runs[runId] = (reader.GetInt64(0), reader.GetString(1));
    }
}
