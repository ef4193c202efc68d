using System.Collections.Immutable;

namespace Millrace.Tests;

public sealed class RunnerTests
{
    [Fact]
    public async Task Independent_steps_run_in_parallel_up_to_the_configured_bound()
    {
        await using var root = new PipelineRoot();
        var probe = Probe.NewKey();
        var result = await root.RunAsync(new WidePipeline { Probe = probe, Delay = 600 }, new RunOptions { MaxParallelism = 3 });

        Assert.Equal(RunState.Succeeded, result.State);
        Assert.Equal(3, Probe.Of(probe).MaxConcurrent);
    }

    [Fact]
    public async Task With_a_bound_of_one_no_two_steps_overlap()
    {
        await using var root = new PipelineRoot();
        var probe = Probe.NewKey();
        await root.RunAsync(new WidePipeline { Probe = probe, Delay = 20 }, new RunOptions { MaxParallelism = 1 });

        Assert.Equal(1, Probe.Of(probe).MaxConcurrent);
    }

    [Fact]
    public async Task A_failed_step_skips_its_dependants_while_an_independent_branch_finishes()
    {
        await using var root = new PipelineRoot();
        var result = await root.RunAsync(new FailurePipeline { Failures = 5, Probe = Probe.NewKey() });

        Assert.Equal(RunState.Failed, result.State);
        Assert.Equal(NodeOutcome.Failed, result["Broken"].Outcome);
        Assert.Contains("flaky failure 1 of 5", result["Broken"].Message);
        Assert.Equal(NodeOutcome.Skipped, result["AfterBroken"].Outcome);
        Assert.Equal("step 'Broken' failed", result["AfterBroken"].Message);
        Assert.Equal(NodeOutcome.Succeeded, result["Independent"].Outcome);
        var executions = await root.Store.GetExecutionsAsync(result.RunId);
        Assert.Equal(ExecutionState.Failed, executions.Single(e => e.Node == "Broken").State);
        Assert.Equal(ExecutionState.Skipped, executions.Single(e => e.Node == "AfterBroken").State);
    }

    [Fact]
    public async Task A_failed_attempt_publishes_nothing_and_leaves_no_staging_behind()
    {
        await using var root = new PipelineRoot();
        var result = await root.RunAsync(new FailurePipeline { Failures = 5, Probe = Probe.NewKey() });

        var events = await root.Store.GetEventsAsync(result["Broken"].ExecutionId!.Value);
        Assert.DoesNotContain(events, e => e.Kind == EventKind.Output);
        Assert.False(Directory.Exists(Path.Combine(root.Path, "failure", "broken")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(root.Path, ".staging")));
    }

    [Fact]
    public async Task A_step_that_allows_retries_is_retried_with_each_attempt_recorded()
    {
        await using var root = new PipelineRoot();
        var probe = Probe.NewKey();
        var result = await root.RunAsync(new FailurePipeline { Failures = 2, MaxAttempts = 3, Probe = probe });

        Assert.Equal(RunState.Succeeded, result.State);
        Assert.Equal(3, result["Broken"].Attempts);
        Assert.Equal(3, Probe.Count(probe, "Broken"));
        var attempts = (await root.Store.GetExecutionsAsync(result.RunId)).Where(e => e.Node == "Broken").ToList();
        Assert.Equal([ExecutionState.Failed, ExecutionState.Failed, ExecutionState.Succeeded], attempts.Select(e => e.State));
        Assert.Equal([1, 2, 3], attempts.Select(e => e.Attempt));
        Assert.Equal("data", File.ReadAllText(result["Broken"].Outputs[0].GetPath("text.txt")));
    }

    [Fact]
    public async Task A_retry_policy_in_the_run_options_overrides_the_components_own()
    {
        await using var root = new PipelineRoot();
        var options = new RunOptions { Retries = new Dictionary<string, RetryPolicy> { ["Broken"] = new(2, TimeSpan.Zero) }.ToImmutableDictionary() };
        var result = await root.RunAsync(new FailurePipeline { Failures = 1, MaxAttempts = 1, Probe = Probe.NewKey() }, options);

        Assert.Equal(NodeOutcome.Succeeded, result["Broken"].Outcome);
        Assert.Equal(2, result["Broken"].Attempts);
    }

    [Fact]
    public void Retry_delays_grow_by_the_backoff_factor_up_to_the_cap()
    {
        var policy = new RetryPolicy(5, TimeSpan.FromSeconds(1), BackoffFactor: 3, MaxDelay: TimeSpan.FromSeconds(5));

        Assert.Equal([0, 1, 3, 5, 5], Enumerable.Range(1, 5).Select(a => policy.DelayBefore(a).TotalSeconds));
    }

    [Fact]
    public async Task A_blocking_validation_result_stops_its_consumers_and_the_run_says_why()
    {
        await using var root = new PipelineRoot();
        var result = await root.RunAsync(new GatedPipeline { Text = "some bad data" });

        Assert.Equal(RunState.Succeeded, result.State);
        Assert.Equal(NodeOutcome.Succeeded, result["Gate"].Outcome);
        Assert.Equal(NodeOutcome.Blocked, result["Guarded"].Outcome);
        Assert.Equal("input 'Anomalies' is blocked: the text contains 'bad'", result["Guarded"].Message);
        Assert.Equal(NodeOutcome.Skipped, result["After"].Outcome);
        var guarded = (await root.Store.GetExecutionsAsync(result.RunId)).Single(e => e.Node == "Guarded");
        Assert.Equal(ExecutionState.Blocked, guarded.State);
    }

    [Fact]
    public async Task A_blocking_result_served_from_the_cache_still_blocks_its_consumers()
    {
        await using var root = new PipelineRoot();
        await root.RunAsync(new GatedPipeline { Text = "some bad data" });
        var second = await root.RunAsync(new GatedPipeline { Text = "some bad data" });

        Assert.Equal(NodeOutcome.Cached, second["Gate"].Outcome);
        Assert.Equal("the text contains 'bad'", second["Gate"].Outputs[0].BlockingReason);
        Assert.Equal(NodeOutcome.Blocked, second["Guarded"].Outcome);
    }

    [Fact]
    public async Task A_passing_validation_result_lets_its_consumers_run()
    {
        await using var root = new PipelineRoot();
        var result = await root.RunAsync(new GatedPipeline { Text = "good data" });

        Assert.All(result.Nodes, n => Assert.Equal(NodeOutcome.Succeeded, n.Outcome));
    }

    [Fact]
    public async Task Cancelling_a_run_stops_its_running_steps_and_records_the_run_as_cancelled()
    {
        await using var root = new PipelineRoot();
        var probe = Probe.NewKey();
        using var cancellation = new CancellationTokenSource();
        var run = root.RunAsync(new WidePipeline { Probe = probe, Delay = 30_000 }, new RunOptions { MaxParallelism = 2 }, cancellation.Token);
        await Probe.Of(probe).Started.Reader.ReadAsync(); // Source
        await Probe.Of(probe).Started.Reader.ReadAsync(); // the first slow step
        cancellation.Cancel();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(RunState.Cancelled, result.State);
        Assert.Equal(RunState.Cancelled, (await root.Store.GetRunAsync(result.RunId))!.State);
        Assert.Equal(6, result.Count(NodeOutcome.Cancelled));
        var executions = await root.Store.GetExecutionsAsync(result.RunId);
        Assert.Contains(executions, e => e.State == ExecutionState.Cancelled);
        Assert.DoesNotContain(executions, e => e.State == ExecutionState.Running);
    }

    [Fact]
    public async Task Two_runs_of_one_pipeline_on_one_store_at_the_same_time_both_complete()
    {
        await using var root = new PipelineRoot();
        await using var other = SqliteMetadataStore.OpenInRoot(root.Path);
        var runs = await Task.WhenAll(
            root.RunAsync(new DiamondPipeline { JoinDelay = 50 }),
            new LocalRunner(other, root.Path).RunAsync(new DiamondPipeline { JoinDelay = 50 }));

        Assert.All(runs, r => Assert.Equal(RunState.Succeeded, r.State));
        Assert.All(runs, r => Assert.Equal("left+right", File.ReadAllText(r["Tail"].Outputs[0].GetPath("text.txt"))));
        Assert.All(runs, r => Assert.All(r.Nodes, n => Assert.True(n.HasOutputs)));
        var listed = await root.Store.ListRunsAsync("diamond");
        Assert.Equal(2, listed.Length);
        Assert.All(listed, r => Assert.Equal(RunState.Succeeded, r.State));
    }

    [Fact]
    public async Task Outputs_are_published_under_pipeline_step_output_and_execution()
    {
        await using var root = new PipelineRoot();
        var result = await root.RunAsync(new DiamondPipeline());

        var join = result["Join"];
        Assert.Equal(Path.Combine(root.Path, "diamond", "join", "Examples", join.ExecutionId!.Value.ToString()), join.Outputs[0].Uri);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(root.Path, ".staging")));
        var record = await root.Store.GetArtifactAsync(join.Outputs[0].Id);
        Assert.Equal(ArtifactState.Live, record!.State);
        Assert.Equal(typeof(Examples).FullName, record.TypeName);
        Assert.Equal(join.OutputDigests[0], record.Digest);
    }

    [Fact]
    public async Task A_component_gets_a_scratch_directory_when_it_asks_and_it_is_gone_after_the_execution()
    {
        await using var root = new PipelineRoot();
        var result = await root.RunAsync(new ScratchPipeline());

        var output = result["Draft"].Outputs[0];
        Assert.Equal("drafted", File.ReadAllText(output.GetPath("text.txt")));
        var scratch = File.ReadAllText(output.GetPath("scratch-path.txt"));
        Assert.StartsWith(Path.Combine(root.Path, ".staging"), scratch);
        Assert.False(Directory.Exists(scratch));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(root.Path, ".staging")));
    }

    [Fact]
    public async Task Properties_a_component_records_are_stored_with_its_artifact()
    {
        await using var root = new PipelineRoot();
        var result = await root.RunAsync(new DiamondPipeline { RightText = "four" });

        var record = await root.Store.GetArtifactAsync(result["Right"].Outputs[0].Id);
        Assert.Equal("4", record!.Properties["length"]);
    }

    [Fact]
    public async Task Options_naming_an_unknown_step_are_rejected_before_anything_runs()
    {
        await using var root = new PipelineRoot();
        var error = await Assert.ThrowsAsync<MillraceException>(() => root.RunAsync(new DiamondPipeline(), new RunOptions { UncachedSteps = ["Joint"] }));

        Assert.Contains("step 'Joint'", error.Message);
        Assert.Contains("Left, Right, Join, Side, Tail", error.Message);
        Assert.Empty(await root.Store.ListRunsAsync());
    }
}
