using Microsoft.Data.Sqlite;

namespace Millrace;

/// <summary>
/// The SQLite schema of the metadata store as an ordered list of migrations. The database's <c>user_version</c> is
/// the number of migrations applied; opening a store applies the missing ones, each in its own transaction.
/// </summary>
internal static class MetadataSchema
{
    /// <summary>Append only: a released migration is never edited, since stores in the field already ran it.</summary>
    private static readonly string[] Migrations =
    [
        // 1: ML Metadata's model — artifact types, artifacts, executions, events, contexts and their links.
        """
        CREATE TABLE artifact_types (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
        CREATE TABLE artifacts (
            id INTEGER PRIMARY KEY,
            type_id INTEGER NOT NULL REFERENCES artifact_types(id),
            uri TEXT NOT NULL,
            state INTEGER NOT NULL,
            digest TEXT NOT NULL,
            created_at INTEGER NOT NULL);
        CREATE TABLE artifact_properties (
            artifact_id INTEGER NOT NULL REFERENCES artifacts(id),
            name TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (artifact_id, name)) WITHOUT ROWID;
        CREATE TABLE contexts (
            id INTEGER PRIMARY KEY,
            type TEXT NOT NULL,
            name TEXT NOT NULL,
            parent_id INTEGER REFERENCES contexts(id),
            state INTEGER,
            started_at INTEGER,
            finished_at INTEGER,
            host TEXT,
            process_id INTEGER,
            UNIQUE (type, name));
        CREATE TABLE executions (
            id INTEGER PRIMARY KEY,
            node TEXT NOT NULL,
            component_id TEXT NOT NULL,
            state INTEGER NOT NULL,
            cache_key TEXT,
            attempt INTEGER NOT NULL,
            started_at INTEGER NOT NULL,
            finished_at INTEGER,
            error TEXT);
        CREATE TABLE events (
            execution_id INTEGER NOT NULL REFERENCES executions(id),
            artifact_id INTEGER NOT NULL REFERENCES artifacts(id),
            kind INTEGER NOT NULL,
            port TEXT NOT NULL,
            port_index INTEGER NOT NULL,
            PRIMARY KEY (execution_id, kind, port_index)) WITHOUT ROWID;
        CREATE TABLE associations (
            context_id INTEGER NOT NULL REFERENCES contexts(id),
            execution_id INTEGER NOT NULL REFERENCES executions(id),
            PRIMARY KEY (context_id, execution_id)) WITHOUT ROWID;
        CREATE TABLE attributions (
            context_id INTEGER NOT NULL REFERENCES contexts(id),
            artifact_id INTEGER NOT NULL REFERENCES artifacts(id),
            PRIMARY KEY (context_id, artifact_id)) WITHOUT ROWID;
        """,
        // 2: the lookups a run makes per node (cache key, latest outputs of a step, lineage) stop scanning.
        """
        CREATE INDEX executions_by_cache_key ON executions (cache_key, state);
        CREATE INDEX executions_by_node ON executions (node, state);
        CREATE INDEX events_by_artifact ON events (artifact_id, kind);
        CREATE INDEX associations_by_execution ON associations (execution_id);
        """,
        // 3: resolvers look up a pipeline's live artifacts by type (FindArtifactsAsync) and the run that made each.
        """
        CREATE INDEX artifacts_by_type ON artifacts (type_id, state);
        CREATE INDEX attributions_by_artifact ON attributions (artifact_id);
        """,
    ];

    /// <summary>The schema version this build writes.</summary>
    public static int CurrentVersion => Migrations.Length;

    /// <summary>Brings the database to <see cref="CurrentVersion"/>; safe when several processes open it at once.</summary>
    /// <exception cref="MetadataStoreException">The database was written by a newer Millrace.</exception>
    public static void Migrate(SqliteConnection connection, string path, int targetVersion)
    {
        if (targetVersion < 0 || targetVersion > Migrations.Length)
            throw new ArgumentOutOfRangeException(nameof(targetVersion), targetVersion, $"Known schema versions are 0..{Migrations.Length}.");
        if (ReadVersion(connection) == targetVersion) return;

        // BEGIN IMMEDIATE takes the write lock first, so that two processes opening a new store do not both migrate.
        using var transaction = connection.BeginTransaction(deferred: false);
        var version = ReadVersion(connection);
        if (version > Migrations.Length)
        {
            throw new MetadataStoreException(
                $"The metadata store '{path}' has schema version {version}, newer than this Millrace understands " +
                $"({Migrations.Length}); upgrade Millrace or use another pipeline root.");
        }
        for (; version < targetVersion; version++)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Migrations[version] + $"\nPRAGMA user_version = {version + 1};";
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>The database's schema version: the number of migrations applied.</summary>
    public static int ReadVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
