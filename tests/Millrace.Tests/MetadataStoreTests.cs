using Microsoft.Data.Sqlite;

namespace Millrace.Tests;

public sealed class MetadataStoreTests
{
    [Fact]
    public async Task A_new_store_is_created_in_the_pipeline_root_with_write_ahead_logging_at_the_current_schema_version()
    {
        await using var root = new PipelineRoot();

        Assert.Equal(Path.Combine(root.Path, "metadata.db"), root.Store.Path);
        using var connection = OpenRaw(root.Store.Path);
        Assert.Equal("wal", Pragma(connection, "journal_mode"));
        Assert.Equal((long)SqliteMetadataStore.SchemaVersion, Pragma(connection, "user_version"));
    }

    [Fact]
    public async Task A_store_left_at_an_older_schema_version_is_migrated_when_opened()
    {
        var directory = Directory.CreateTempSubdirectory("millrace-test-").FullName;
        try
        {
            var path = Path.Combine(directory, "metadata.db");
            await SqliteMetadataStore.Open(path, schemaVersion: 1).DisposeAsync();
            using (var connection = OpenRaw(path))
            {
                Assert.Equal(1L, Pragma(connection, "user_version"));
                Assert.Equal(0L, IndexCount(connection));
            }

            await using var store = SqliteMetadataStore.Open(path);

            using var migrated = OpenRaw(path);
            Assert.Equal((long)SqliteMetadataStore.SchemaVersion, Pragma(migrated, "user_version"));
            Assert.Equal(6L, IndexCount(migrated));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_store_from_a_newer_version_is_refused_with_a_message_naming_the_file_and_both_versions()
    {
        await using var root = new PipelineRoot();
        using (var connection = OpenRaw(root.Store.Path)) Execute(connection, "PRAGMA user_version = 99;");

        var error = Assert.Throws<MetadataStoreException>(() => SqliteMetadataStore.Open(root.Store.Path));

        Assert.Contains($"'{root.Store.Path}' has schema version 99", error.Message);
        Assert.Contains($"({SqliteMetadataStore.SchemaVersion})", error.Message);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_refused_with_a_typed_error()
    {
        var directory = Directory.CreateTempSubdirectory("millrace-test-").FullName;
        var path = Path.Combine(directory, "metadata.db");
        await File.WriteAllTextAsync(path, new string('x', 4096));

        var error = Assert.Throws<MetadataStoreException>(() => SqliteMetadataStore.Open(path));

        Assert.Contains($"Cannot open the metadata store '{path}'", error.Message);
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Upstream_lineage_walks_from_an_artifact_to_the_executions_and_sources_it_came_from()
    {
        await using var root = new PipelineRoot();
        var run = await root.RunAsync(new DiamondPipeline());

        var lineage = await root.Store.GetLineageAsync(run["Tail"].Outputs[0].Id, LineageDirection.Upstream);

        Assert.Equal(["Tail", "Join", "Left", "Right"], lineage.Executions.Select(e => e.Node));
        Assert.Equal(
            new[] { "Tail", "Join", "Left", "Right" }.Select(step => run[step].Outputs[0].Id),
            lineage.Artifacts.Select(a => a.Id));
    }

    [Fact]
    public async Task Downstream_lineage_walks_from_an_artifact_to_everything_made_from_it()
    {
        await using var root = new PipelineRoot();
        var run = await root.RunAsync(new DiamondPipeline());

        var lineage = await root.Store.GetLineageAsync(run["Right"].Outputs[0].Id, LineageDirection.Downstream);

        Assert.Equal(["Join", "Side", "Tail"], lineage.Executions.Select(e => e.Node).Order());
        Assert.DoesNotContain(lineage.Artifacts, a => a.Id == run["Left"].Outputs[0].Id);
    }

    [Fact]
    public async Task Upstream_lineage_names_the_execution_that_made_an_artifact_not_the_cache_hits_that_reused_it()
    {
        await using var root = new PipelineRoot();
        var first = await root.RunAsync(new DiamondPipeline());
        await root.RunAsync(new DiamondPipeline());

        var lineage = await root.Store.GetLineageAsync(first["Join"].Outputs[0].Id, LineageDirection.Upstream);

        Assert.Equal(first["Join"].ExecutionId, lineage.Executions[0].Id);
        Assert.All(lineage.Executions, e => Assert.Equal(first.RunId, e.RunId));
    }

    [Fact]
    public async Task Lineage_of_an_unknown_artifact_is_a_typed_error()
    {
        await using var root = new PipelineRoot();

        var error = await Assert.ThrowsAsync<MetadataStoreException>(() => root.Store.GetLineageAsync(42, LineageDirection.Upstream).AsTask());

        Assert.Contains("has no artifact 42", error.Message);
    }

    [Fact]
    public async Task Runs_are_listed_newest_first_with_their_pipeline_and_state()
    {
        await using var root = new PipelineRoot();
        var first = await root.RunAsync(new DiamondPipeline());
        var second = await root.RunAsync(new GatedPipeline());

        var runs = await root.Store.ListRunsAsync();

        Assert.Equal([second.RunId, first.RunId], runs.Select(r => r.RunId));
        Assert.Equal(["gated", "diamond"], runs.Select(r => r.Pipeline));
        Assert.Single(await root.Store.ListRunsAsync("diamond"));
        Assert.All(runs, r => Assert.NotNull(r.FinishedAt));
    }

    [Fact]
    public async Task A_run_id_can_be_used_only_once()
    {
        await using var root = new PipelineRoot();
        await root.Store.StartRunAsync("diamond", "run-1");

        var error = await Assert.ThrowsAsync<MetadataStoreException>(() => root.Store.StartRunAsync("diamond", "run-1").AsTask());

        Assert.Contains("already has a run 'run-1'", error.Message);
    }

    [Fact]
    public async Task A_running_run_whose_process_is_gone_is_marked_abandoned_with_its_running_executions()
    {
        await using var root = new PipelineRoot();
        await root.Store.StartRunAsync("diamond", "dead-run");
        var execution = await root.Store.StartExecutionAsync(new NewExecution("dead-run", "Left", "c", null, 1, []));
        using (var connection = OpenRaw(root.Store.Path))
            Execute(connection, "UPDATE contexts SET process_id = 2147483000 WHERE name = 'dead-run';");

        Assert.Equal(1, await root.Store.AbandonDeadRunsAsync());

        Assert.Equal(RunState.Abandoned, (await root.Store.GetRunAsync("dead-run"))!.State);
        Assert.Equal(ExecutionState.Abandoned, (await root.Store.GetExecutionsAsync("dead-run")).Single(e => e.Id == execution).State);
    }

    [Fact]
    public async Task A_published_execution_stays_succeeded_when_something_later_tries_to_end_it_otherwise()
    {
        await using var root = new PipelineRoot();
        await root.Store.StartRunAsync("diamond", "run-1");
        var execution = await root.Store.StartExecutionAsync(new NewExecution("run-1", "Left", "c", "key", 1, []));
        var ids = await root.Store.PublishExecutionAsync(execution,
            [new NewArtifact("Examples", 0, "Millrace.Examples", root.Path, "sha256:x", new Dictionary<string, string> { ["rows"] = "3" })]);

        await root.Store.FinishExecutionAsync(execution, ExecutionState.Failed, "too late");

        var record = (await root.Store.GetExecutionsAsync("run-1")).Single();
        Assert.Equal(ExecutionState.Succeeded, record.State);
        Assert.Null(record.Error);
        Assert.Equal("3", (await root.Store.GetArtifactAsync(ids[0]))!.Properties["rows"]);
    }

    [Fact]
    public async Task An_execution_is_published_at_most_once()
    {
        await using var root = new PipelineRoot();
        await root.Store.StartRunAsync("diamond", "run-1");
        var execution = await root.Store.StartExecutionAsync(new NewExecution("run-1", "Left", "c", "key", 1, []));
        await root.Store.PublishExecutionAsync(execution, []);

        var error = await Assert.ThrowsAsync<MetadataStoreException>(() => root.Store.PublishExecutionAsync(execution, []).AsTask());

        Assert.Contains($"Execution {execution}", error.Message);
        Assert.Contains("no longer running", error.Message);
    }

    private static SqliteConnection OpenRaw(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }

    private static object? Pragma(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return command.ExecuteScalar();
    }

    private static long IndexCount(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%';";
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
