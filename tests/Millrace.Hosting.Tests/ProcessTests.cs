using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Millrace.Hosting.Tests;

/// <summary>The test app as a real child process: exit codes, settings from files and environment, kills and Ctrl+C.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task A_missing_input_file_fails_the_run_with_one_error_line_and_no_stack_trace()
    {
        using var root = new TempDirectory();
        var result = await ChildProcess.RunAsync(root.Path, null, "run", "files", "--Files:InputPath=missing.csv");

        Assert.Equal(ExitCodes.RunFailed, result.ExitCode);
        Assert.Contains($"error: step 'Import' failed: FileNotFoundException: input file '{Path.Combine(root.Path, "missing.csv")}' does not exist\n", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Matches(@"of files failed in [\d.]+ s: 1 failed, 3 skipped\n$", result.Out);
    }

    [Fact]
    public async Task Settings_come_from_appsettings_json_and_the_environment_overrides_them()
    {
        using var root = new TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(root.Path, "appsettings.json"),
            $$"""{ "Millrace": { "PipelineRoot": "from-settings" }, "Files": { "InputPath": "{{Data.Penguins}}" } }""");

        var fromFile = await ChildProcess.RunAsync(root.Path, null, "run", "files");
        var fromEnvironment = await ChildProcess.RunAsync(root.Path, new Dictionary<string, string> { ["Millrace__PipelineRoot"] = "from-env" }, "run", "files");

        Assert.Equal(ExitCodes.Success, fromFile.ExitCode);
        Assert.Equal(ExitCodes.Success, fromEnvironment.ExitCode);
        Assert.True(File.Exists(Path.Combine(root.Path, "from-settings", "metadata.db")));
        Assert.True(File.Exists(Path.Combine(root.Path, "from-env", "metadata.db")));
    }

    [Fact]
    public async Task Plain_output_logs_one_line_per_step_with_the_run_and_step_in_scope()
    {
        using var root = new TempDirectory();
        var result = await ChildProcess.RunAsync(root.Path, null, "run", "files", $"--Files:InputPath={Data.Penguins}", "--run-id", "logged");

        Assert.Matches(@"info: Millrace\.Runtime\[0\] => Run logged of files => Step Check Step Check succeeded in \d+ ms", result.Error);
    }

    [Fact]
    public async Task Two_processes_running_the_same_pipeline_on_one_new_store_at_once_both_complete()
    {
        using var root = new TempDirectory();
        string[] run = ["run", "chain", "--Millrace:PipelineRoot=" + root.Path];
        using var first = ChildProcess.Start(root.Path, null, run);
        using var second = ChildProcess.Start(root.Path, null, run);
        var results = await Task.WhenAll(first.WaitAsync(TimeSpan.FromSeconds(60)), second.WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.All(results, r => Assert.True(r.ExitCode == ExitCodes.Success, r.Error));
        await using var store = SqliteMetadataStore.OpenInRoot(root.Path);
        var runs = await store.ListRunsAsync("chain");
        Assert.Equal(2, runs.Length);
        Assert.All(runs, r => Assert.Equal(RunState.Succeeded, r.State));
        await AssertEveryLiveArtifactIsCompleteAsync(root.Path);
    }

    [Fact]
    public async Task A_run_killed_at_any_moment_leaves_only_complete_artifacts_live_and_a_rerun_resumes_from_the_cache()
    {
        using var root = new TempDirectory();
        string[] run = ["run", "chain", "--Millrace:PipelineRoot=" + root.Path, "--Millrace:MaxParallelism=2"];
        var random = new Random(7);
        for (var kill = 0; kill < 3; kill++)
        {
            using var child = ChildProcess.Start(root.Path, null, run);
            // Kill while steps run, once this run has made progress, plus a random delay so that kills land at
            // different moments (inside a write, between rename and commit, during a cache check).
            await child.WaitForErrorLineAsync($@"Step \S+ (succeeded|reused)(.*\n.*Step \S+ (succeeded|reused)){{{kill}}}", TimeSpan.FromSeconds(30));
            await Task.Delay(random.Next(0, 120));
            await child.KillAsync();

            await AssertEveryLiveArtifactIsCompleteAsync(root.Path);
        }

        var final = await ChildProcess.RunAsync(root.Path, null, run);

        Assert.Equal(ExitCodes.Success, final.ExitCode);
        var cached = int.Parse(Regex.Match(final.Out, @"(\d+) cached").Groups[1].Value);
        Assert.InRange(cached, 1, 7);
        await using var store = SqliteMetadataStore.OpenInRoot(root.Path);
        var runs = await store.ListRunsAsync("chain");
        Assert.Equal([RunState.Succeeded, RunState.Abandoned, RunState.Abandoned, RunState.Abandoned], runs.Select(r => r.State));
        await AssertEveryLiveArtifactIsCompleteAsync(root.Path);
    }

    [Fact]
    public async Task Ctrl_c_stops_a_run_cleanly_and_records_it_as_cancelled()
    {
        using var root = new TempDirectory();
        using var child = ChildProcess.Start(root.Path, null,
            "run", "chain", "--Millrace:PipelineRoot=" + root.Path, "--run-id", "interrupted", "--Chain:PauseMilliseconds=500");
        await child.WaitForErrorLineAsync(@"Step S0 succeeded", TimeSpan.FromSeconds(30));
        // Interrupt only once the next step has recorded its start: on a loaded machine the signal can otherwise
        // land between the two steps, and a run cancelled with no step running records no cancelled execution.
        await WaitForRunningStepAsync(root.Path, "interrupted", TimeSpan.FromSeconds(30));
        child.Interrupt();
        var result = await child.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Contains("Run interrupted of chain cancelled", result.Out);
        await using var store = SqliteMetadataStore.OpenInRoot(root.Path);
        Assert.Equal(RunState.Cancelled, (await store.GetRunAsync("interrupted"))!.State);
        var executions = await store.GetExecutionsAsync("interrupted");
        Assert.Equal(1, executions.Count(e => e.State == ExecutionState.Succeeded));
        Assert.Contains(executions, e => e.State == ExecutionState.Cancelled);
        Assert.DoesNotContain(executions, e => e.State == ExecutionState.Running);
    }

    private static async Task WaitForRunningStepAsync(string root, string runId, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await using (var store = SqliteMetadataStore.OpenInRoot(root))
                if ((await store.GetExecutionsAsync(runId)).Any(e => e.State == ExecutionState.Running)) return;
            if (clock.Elapsed > timeout) throw new TimeoutException($"No step of run {runId} was running within {timeout}.");
            await Task.Delay(20);
        }
    }

    private static async Task AssertEveryLiveArtifactIsCompleteAsync(string root)
    {
        await using var store = SqliteMetadataStore.OpenInRoot(root);
        var live = new List<long>();
        using (var connection = new SqliteConnection($"Data Source={store.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id FROM artifacts WHERE state = 1;";
            using var reader = command.ExecuteReader();
            while (reader.Read()) live.Add(reader.GetInt64(0));
        }
        foreach (var id in live)
        {
            var artifact = (await store.GetArtifactAsync(id))!;
            Assert.True(Directory.Exists(artifact.Uri), $"Live artifact {id} has no directory {artifact.Uri}.");
            Assert.Equal(artifact.Digest, ContentDigest.Compute(artifact.Uri, artifact.Properties));
            Assert.Equal(6 * 128 * 1024, new FileInfo(Path.Combine(artifact.Uri, "data.bin")).Length);
        }
    }
}
