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
