using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Millrace;

/// <summary>
/// The metadata store in one SQLite file (by default <c>&lt;pipeline-root&gt;/metadata.db</c>): write-ahead logging
/// so that readers never wait, a busy timeout so that concurrent runs and processes queue for the write lock instead
/// of failing, and every multi-row change in one <c>BEGIN IMMEDIATE</c> transaction.
/// </summary>
public sealed partial class SqliteMetadataStore : IMetadataStore
{
    /// <summary>The file name of the store inside a pipeline root.</summary>
    public const string FileName = "metadata.db";

    private const string RunContext = "run";
    private const string PipelineContext = "pipeline";

    // One connection per store instance, used by one thread at a time: SQLite serialises writers anyway, and a
    // single connection keeps prepared statements warm. Other instances and processes get their own connections.
    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _typeIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Id, string Pipeline)> _runs = new(StringComparer.Ordinal);

    // Prepared statements by SQL text: preparing costs as much as running the small statements a run makes per step.
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private SqliteTransaction? _transaction;

    private SqliteMetadataStore(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>The schema version this build of Millrace writes.</summary>
    public static int SchemaVersion => MetadataSchema.CurrentVersion;

    /// <summary>Opens (creating if needed) the store in a pipeline root and migrates its schema.</summary>
    public static SqliteMetadataStore OpenInRoot(string pipelineRoot) =>
        Open(System.IO.Path.Combine(pipelineRoot, FileName));

    /// <summary>Opens (creating if needed) the store at a path and migrates its schema to <see cref="SchemaVersion"/>.</summary>
    /// <exception cref="MetadataStoreException">The file is not a SQLite database or has a newer schema.</exception>
    public static SqliteMetadataStore Open(string path) => Open(path, MetadataSchema.CurrentVersion);

    /// <summary>Opens the store migrated to a given version; tests use it to build stores as older releases left them.</summary>
    internal static SqliteMetadataStore Open(string path, int schemaVersion)
    {
        path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 60,
        }.ToString());
        try
        {
            connection.Open();
            ExecuteOnce(connection, "PRAGMA busy_timeout = 60000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
            MetadataSchema.Migrate(connection, path, schemaVersion);
            return new SqliteMetadataStore(connection, path);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new MetadataStoreException($"Cannot open the metadata store '{path}': {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

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

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            foreach (var command in _commands.Values) command.Dispose();
            _commands.Clear();
            _connection.Dispose();
        }
        return ValueTask.CompletedTask;
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

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private static DateTimeOffset FromUnix(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    /// <summary>A cached prepared statement with its parameters bound; callers must not dispose it.</summary>
    private SqliteCommand Command(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, _) in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
            _commands[sql] = command;
        }
        command.Transaction = _transaction;
        for (var i = 0; i < parameters.Length; i++) command.Parameters[i].Value = parameters[i].Value ?? DBNull.Value;
        return command;
    }

    private T Scalar<T>(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var value = Command(sql, parameters).ExecuteScalar();
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private int Execute(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        Command(sql, parameters).ExecuteNonQuery();

    private WriteTransaction BeginWrite() => new(this, _transaction = _connection.BeginTransaction(deferred: false));

    private static void ExecuteOnce(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>A <c>BEGIN IMMEDIATE</c> transaction that the cached statements join while it is open.</summary>
    private readonly struct WriteTransaction(SqliteMetadataStore store, SqliteTransaction transaction) : IDisposable
    {
        public void Commit() => transaction.Commit();

        public void Dispose()
        {
            store._transaction = null;
            transaction.Dispose();
        }
    }
}
