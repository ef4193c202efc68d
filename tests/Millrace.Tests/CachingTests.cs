namespace Millrace.Tests;

public sealed class CachingTests
{
    [Fact]
    public async Task A_second_run_with_nothing_changed_reuses_every_step_from_the_cache()
    {
        await using var root = new PipelineRoot();
        var probe = Probe.NewKey();
        var first = await root.RunAsync(new DiamondPipeline { Probe = probe });
        var second = await root.RunAsync(new DiamondPipeline { Probe = probe });

        Assert.Equal(RunState.Succeeded, first.State);
        Assert.All(first.Nodes, n => Assert.Equal(NodeOutcome.Succeeded, n.Outcome));
        Assert.All(second.Nodes, n => Assert.Equal(NodeOutcome.Cached, n.Outcome));
        Assert.Equal(5, Probe.Of(probe).Executions.Values.Sum());
        Assert.Equal(first["Tail"].Outputs[0].Uri, second["Tail"].Outputs[0].Uri);
        Assert.Equal("left+right", File.ReadAllText(second["Tail"].Outputs[0].GetPath("text.txt")));
    }

    [Fact]
    public async Task A_changed_parameter_invalidates_its_step_and_everything_downstream_and_nothing_else()
    {
        await using var root = new PipelineRoot();
        await root.RunAsync(new DiamondPipeline());
        var changed = await root.RunAsync(new DiamondPipeline { Separator = "&" });

        Assert.Equal(NodeOutcome.Cached, changed["Left"].Outcome);
        Assert.Equal(NodeOutcome.Cached, changed["Right"].Outcome);
        Assert.Equal(NodeOutcome.Cached, changed["Side"].Outcome);
        Assert.Equal(NodeOutcome.Succeeded, changed["Join"].Outcome);
        Assert.Equal(NodeOutcome.Succeeded, changed["Tail"].Outcome);
        Assert.Equal("left&right", File.ReadAllText(changed["Tail"].Outputs[0].GetPath("text.txt")));
    }

    [Fact]
    public async Task A_changed_source_invalidates_its_consumers_but_not_the_other_source()
    {
        await using var root = new PipelineRoot();
        await root.RunAsync(new DiamondPipeline());
        var changed = await root.RunAsync(new DiamondPipeline { RightText = "RIGHT" });

        Assert.Equal(NodeOutcome.Cached, changed["Left"].Outcome);
        Assert.All(new[] { "Right", "Join", "Side", "Tail" }, step => Assert.Equal(NodeOutcome.Succeeded, changed[step].Outcome));
    }

    [Fact]
    public async Task A_deleted_output_is_not_reused_and_its_step_runs_again()
    {
        await using var root = new PipelineRoot();
        var first = await root.RunAsync(new DiamondPipeline());
        Directory.Delete(first["Left"].Outputs[0].Uri, recursive: true);

        var second = await root.RunAsync(new DiamondPipeline());

        Assert.Equal(NodeOutcome.Succeeded, second["Left"].Outcome);
        Assert.Equal(NodeOutcome.Cached, second["Join"].Outcome);
        Assert.Equal(ArtifactState.Lost, (await root.Store.GetArtifactAsync(first["Left"].Outputs[0].Id))!.State);
    }

    [Fact]
    public async Task An_output_edited_after_publication_no_longer_matches_its_digest_and_is_not_reused()
    {
        await using var root = new PipelineRoot();
        var first = await root.RunAsync(new DiamondPipeline());
        File.WriteAllText(first["Right"].Outputs[0].GetPath("text.txt"), "tampered");

        var second = await root.RunAsync(new DiamondPipeline());

        Assert.Equal(NodeOutcome.Succeeded, second["Right"].Outcome);
        Assert.Equal("right", File.ReadAllText(second["Right"].Outputs[0].GetPath("text.txt")));
        Assert.Equal(ArtifactState.Lost, (await root.Store.GetArtifactAsync(first["Right"].Outputs[0].Id))!.State);
    }

    [Fact]
    public async Task Turning_the_cache_off_for_a_run_runs_every_step()
    {
        await using var root = new PipelineRoot();
        await root.RunAsync(new DiamondPipeline());
        var second = await root.RunAsync(new DiamondPipeline(), new RunOptions { UseCache = false });

        Assert.All(second.Nodes, n => Assert.Equal(NodeOutcome.Succeeded, n.Outcome));
    }

    [Fact]
    public async Task Turning_the_cache_off_for_one_step_runs_only_that_step_when_its_output_is_unchanged()
    {
        await using var root = new PipelineRoot();
        await root.RunAsync(new DiamondPipeline());
        var second = await root.RunAsync(new DiamondPipeline(), new RunOptions { UncachedSteps = ["Join"] });

        Assert.Equal(NodeOutcome.Succeeded, second["Join"].Outcome);
        // Same content, same digest: the tail's cache key is unchanged, so re-running the join cost nothing downstream.
        Assert.Equal(NodeOutcome.Cached, second["Tail"].Outcome);
        Assert.Equal(4, second.Count(NodeOutcome.Cached));
    }

    [Fact]
    public async Task A_cache_hit_is_recorded_as_a_cached_execution_whose_outputs_are_the_reused_artifacts()
    {
        await using var root = new PipelineRoot();
        var first = await root.RunAsync(new DiamondPipeline());
        var second = await root.RunAsync(new DiamondPipeline());

        var executions = await root.Store.GetExecutionsAsync(second.RunId);
        Assert.All(executions, e => Assert.Equal(ExecutionState.Cached, e.State));
        var events = await root.Store.GetEventsAsync(second["Join"].ExecutionId!.Value);
        Assert.Contains(events, e => e.Kind == EventKind.Output && e.ArtifactId == first["Join"].Outputs[0].Id);
        Assert.Equal(2, events.Count(e => e.Kind == EventKind.Input));
    }
}
