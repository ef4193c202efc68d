using System.Collections.Immutable;

namespace Millrace.Tests;

/// <summary>
/// Steps that are not cacheable, and resolvers: outputs pointed at existing artifacts or left absent, the read-only
/// view of the store a component gets, and how the cache, lineage and partial runs treat them.
/// </summary>
public sealed class ResolverTests
{
    [Fact]
    public void The_generated_descriptor_carries_whether_a_component_is_cacheable()
    {
        Assert.False(LatestTagged.ComponentDescriptor.Cacheable);
        Assert.True(TaggedSource.ComponentDescriptor.Cacheable);
        Assert.False(ResolvingPipeline.Graph.FindNode("Previous")!.Component.Cacheable);
    }

    [Fact]
    public async Task On_the_first_run_the_resolver_leaves_its_output_absent_so_an_optional_input_gets_null_and_a_required_one_is_skipped()
    {
        await using var root = new PipelineRoot();
        var first = await root.RunAsync(new ResolvingPipeline());

        Assert.Equal(RunState.Succeeded, first.State);
        Assert.Equal(NodeOutcome.Succeeded, first["Previous"].Outcome);
        Assert.True(first["Previous"].Outputs[0].IsAbsent);
        Assert.Equal("one", File.ReadAllText(first["Compare"].Outputs[0].GetPath("text.txt")));
        Assert.Equal(NodeOutcome.Skipped, first["Strict"].Outcome);
        Assert.Equal("input 'First' is absent: step 'Previous' found nothing to hand on", first["Strict"].Message);
        Assert.Empty(await root.Store.GetEventsAsync(first["Previous"].ExecutionId!.Value));
        Assert.DoesNotContain(await root.Store.GetEventsAsync(first["Compare"].ExecutionId!.Value), e => e.Port == "Second");
        Assert.False(Directory.Exists(Path.Combine(root.Path, ".staging")) && Directory.EnumerateFileSystemEntries(Path.Combine(root.Path, ".staging")).Any());
    }

    [Fact]
    public async Task A_resolved_output_is_the_existing_artifact_itself_and_lineage_still_names_the_execution_that_made_it()
    {
        await using var root = new PipelineRoot();
        var first = await root.RunAsync(new ResolvingPipeline());
        var second = await root.RunAsync(new ResolvingPipeline());

        var made = first["Source"].Outputs[0];
        var resolved = second["Previous"].Outputs[0];
        Assert.Equal(made.Id, resolved.Id);
        Assert.Equal(made.Uri, resolved.Uri);
        Assert.Equal("good", resolved.Properties["tag"]);
        Assert.Equal(first["Source"].OutputDigests[0], second["Previous"].OutputDigests[0]);
        var events = await root.Store.GetEventsAsync(second["Previous"].ExecutionId!.Value);
        Assert.Equal(new EventRecord(second["Previous"].ExecutionId!.Value, made.Id, EventKind.ResolvedOutput, "Examples", 0), Assert.Single(events));
        Assert.Contains(await root.Store.GetEventsAsync(second["Compare"].ExecutionId!.Value),
            e => e is { Kind: EventKind.Input, Port: "Second" } && e.ArtifactId == made.Id);
        Assert.Equal("one+one", File.ReadAllText(second["Compare"].Outputs[0].GetPath("text.txt")));
        Assert.Equal("one", File.ReadAllText(second["Strict"].Outputs[0].GetPath("text.txt")));

        Assert.Equal(first["Source"].ExecutionId, (await root.Store.GetProducerAsync(made.Id))!.Id);
        var upstream = await root.Store.GetLineageAsync(made.Id, LineageDirection.Upstream);
        Assert.Equal([first["Source"].ExecutionId!.Value], upstream.Executions.Select(e => e.Id));
        var downstream = await root.Store.GetLineageAsync(made.Id, LineageDirection.Downstream);
        Assert.DoesNotContain(downstream.Executions, e => e.Node == "Previous");
        Assert.Contains(downstream.Executions, e => e.Id == second["Strict"].ExecutionId);
        var latest = await root.Store.FindLatestPublishedAsync("resolving", "Previous");
        Assert.Equal(made.Id, Assert.Single(latest!.Outputs).Id);
    }

    [Fact]
    public async Task The_resolver_runs_on_every_run_and_its_consumers_are_cached_only_while_what_it_resolves_is_unchanged()
    {
        await using var root = new PipelineRoot();
        var probe = Probe.NewKey();
        await root.RunAsync(new ResolvingPipeline { Probe = probe });
        var second = await root.RunAsync(new ResolvingPipeline { Probe = probe });
        var third = await root.RunAsync(new ResolvingPipeline { Probe = probe });

        Assert.Equal(NodeOutcome.Cached, second["Source"].Outcome);
        Assert.Equal(NodeOutcome.Succeeded, second["Previous"].Outcome);
        Assert.Equal(NodeOutcome.Succeeded, second["Compare"].Outcome);
        Assert.Equal(NodeOutcome.Cached, third["Source"].Outcome);
        Assert.Equal(NodeOutcome.Succeeded, third["Previous"].Outcome);
        Assert.Equal(NodeOutcome.Cached, third["Compare"].Outcome);
        Assert.Equal(NodeOutcome.Cached, third["Strict"].Outcome);
        Assert.Equal(3, Probe.Count(probe, "Previous"));

        // A new source in run 4 is not its own baseline; run 5 resolves it, and the consumers run again.
        var fourth = await root.RunAsync(new ResolvingPipeline { Probe = probe, Text = "two" });
        Assert.Equal(second["Previous"].Outputs[0].Id, fourth["Previous"].Outputs[0].Id);
        Assert.Equal("two+one", File.ReadAllText(fourth["Compare"].Outputs[0].GetPath("text.txt")));
        var fifth = await root.RunAsync(new ResolvingPipeline { Probe = probe, Text = "two" });
        Assert.Equal(fourth["Source"].Outputs[0].Id, fifth["Previous"].Outputs[0].Id);
        Assert.Equal(NodeOutcome.Succeeded, fifth["Compare"].Outcome);
        Assert.Equal("two+two", File.ReadAllText(fifth["Compare"].Outputs[0].GetPath("text.txt")));
    }

    [Fact]
    public async Task A_run_without_the_cache_still_runs_the_resolver_and_no_cached_resolver_execution_is_ever_recorded()
    {
        await using var root = new PipelineRoot();
        await root.RunAsync(new ResolvingPipeline());
        var second = await root.RunAsync(new ResolvingPipeline());
        var uncached = await root.RunAsync(new ResolvingPipeline(), new RunOptions { UseCache = false });

        Assert.Equal(NodeOutcome.Succeeded, uncached["Previous"].Outcome);
        foreach (var run in await root.Store.ListRunsAsync("resolving"))
        {
            var previous = (await root.Store.GetExecutionsAsync(run.RunId)).Single(e => e.Node == "Previous");
            Assert.Equal(ExecutionState.Succeeded, previous.State);
        }
        Assert.Equal(second["Previous"].Outputs[0].Id, uncached["Previous"].Outputs[0].Id);
    }

    [Fact]
    public async Task A_resolver_passes_over_an_artifact_whose_files_are_gone_and_the_store_marks_it_lost()
    {
        await using var root = new PipelineRoot();
        var first = await root.RunAsync(new ResolvingPipeline());
        var second = await root.RunAsync(new ResolvingPipeline { Text = "two" });
        Directory.Delete(second["Source"].Outputs[0].Uri, recursive: true);

        var third = await root.RunAsync(new ResolvingPipeline { Text = "three" });

        Assert.Equal(first["Source"].Outputs[0].Id, third["Previous"].Outputs[0].Id);
        Assert.Equal(ArtifactState.Lost, (await root.Store.GetArtifactAsync(second["Source"].Outputs[0].Id))!.State);
        Assert.Equal("three+one", File.ReadAllText(third["Compare"].Outputs[0].GetPath("text.txt")));
    }

    [Fact]
    public async Task A_partial_run_also_runs_the_resolver_that_feeds_its_selection_instead_of_reusing_an_old_answer()
    {
        await using var root = new PipelineRoot();
        await root.RunAsync(new ResolvingPipeline());
        var partial = await root.RunAsync(new ResolvingPipeline(), new RunOptions { Selection = new NodeSelection { Only = ["Strict"] } });

        Assert.Equal(NodeOutcome.Succeeded, partial["Previous"].Outcome);
        Assert.Equal(NodeOutcome.Succeeded, partial["Strict"].Outcome);
        Assert.Equal("one", File.ReadAllText(partial["Strict"].Outputs[0].GetPath("text.txt")));
        Assert.Equal(["Previous", "Strict"], partial.Nodes.Select(n => n.Node));
    }

    [Fact]
    public async Task A_cacheable_component_that_tries_to_resolve_an_output_fails_saying_only_an_uncacheable_one_may()
    {
        await using var root = new PipelineRoot();
        var result = await root.RunAsync(new WrongResolverPipeline());

        Assert.Equal(NodeOutcome.Failed, result["Resolver"].Outcome);
        Assert.Contains("only a component declared [Component(Cacheable = false)] may do", result["Resolver"].Message);
    }

    [Fact]
    public async Task A_component_sees_the_store_through_a_read_only_view_that_is_not_the_store()
    {
        await using var root = new PipelineRoot();
        await root.RunAsync(new PeekPipeline());
        var second = await root.RunAsync(new PeekPipeline());

        Assert.Equal("store:False runs:2", File.ReadAllText(second["Peek"].Outputs[0].GetPath("text.txt")));
    }

    [Fact]
    public async Task Finding_artifacts_filters_by_pipeline_type_properties_and_run_and_pages_newest_first()
    {
        await using var root = new PipelineRoot();
        async Task<long> PublishAsync(string pipeline, string run, string type, string tag)
        {
            if (await root.Store.GetRunAsync(run) is null) await root.Store.StartRunAsync(pipeline, run);
            var execution = await root.Store.StartExecutionAsync(new NewExecution(run, "Step", "c", null, 1, []));
            var ids = await root.Store.PublishExecutionAsync(execution,
                [new NewArtifact("Out", 0, type, root.Path, "sha256:x", new Dictionary<string, string> { ["tag"] = tag, ["n"] = "1" })]);
            return ids[0];
        }
        var a = await PublishAsync("p", "r1", "Millrace.Examples", "good");
        var b = await PublishAsync("p", "r1", "Millrace.Examples", "bad");
        var c = await PublishAsync("p", "r2", "Millrace.Examples", "good");
        await PublishAsync("q", "r3", "Millrace.Examples", "good");
        await PublishAsync("p", "r2", "Millrace.Model", "good");
        var d = await PublishAsync("p", "r4", "Millrace.Examples", "good");
        await root.Store.MarkArtifactLostAsync(d);

        var good = ArtifactQuery.For<Examples>("p") with { Properties = ImmutableDictionary<string, string>.Empty.Add("tag", "good").Add("n", "1") };
        Assert.Equal([c, a], (await root.Store.FindArtifactsAsync(good)).Select(x => x.Id));
        Assert.Equal([a], (await root.Store.FindArtifactsAsync(good with { ExcludedRun = "r2" })).Select(x => x.Id));
        Assert.Equal([c, b, a], (await root.Store.FindArtifactsAsync(ArtifactQuery.For<Examples>("p"))).Select(x => x.Id));
        Assert.Equal([c], (await root.Store.FindArtifactsAsync(ArtifactQuery.For<Examples>("p") with { Limit = 1 })).Select(x => x.Id));
        Assert.Equal([b, a], (await root.Store.FindArtifactsAsync(ArtifactQuery.For<Examples>("p") with { BeforeId = c })).Select(x => x.Id));
        Assert.Empty(await root.Store.FindArtifactsAsync(good with { Properties = good.Properties.SetItem("n", "2") }));
        Assert.Equal("good", (await root.Store.FindArtifactsAsync(good))[0].Properties["tag"]);
    }
}
