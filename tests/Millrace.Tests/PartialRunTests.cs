namespace Millrace.Tests;

public sealed class PartialRunTests
{
    [Fact]
    public async Task From_runs_the_step_and_its_descendants_and_feeds_them_the_latest_outputs_of_the_rest()
    {
        await using var root = new PipelineRoot();
        var first = await root.RunAsync(new DiamondPipeline());
        var probe = Probe.NewKey();
        var partial = await root.RunAsync(new DiamondPipeline { Probe = probe },
            new RunOptions { Selection = new NodeSelection { From = "Join" }, UseCache = false });

        Assert.Equal(["Left", "Right", "Join", "Tail"], partial.Nodes.Select(n => n.Node));
        Assert.Equal(NodeOutcome.Reused, partial["Left"].Outcome);
        Assert.Equal(NodeOutcome.Reused, partial["Right"].Outcome);
        Assert.Equal(first["Left"].Outputs[0].Id, partial["Left"].Outputs[0].Id);
        Assert.Equal(NodeOutcome.Succeeded, partial["Join"].Outcome);
        Assert.Equal(NodeOutcome.Succeeded, partial["Tail"].Outcome);
        Assert.Equal(["Join", "Tail"], Probe.Of(probe).Executions.Keys.Order());
    }

    [Fact]
    public async Task To_runs_the_step_and_its_ancestors_only()
    {
        await using var root = new PipelineRoot();
        var result = await root.RunAsync(new DiamondPipeline(), new RunOptions { Selection = new NodeSelection { To = "Join" } });

        Assert.Equal(["Left", "Right", "Join"], result.Nodes.Select(n => n.Node));
        Assert.All(result.Nodes, n => Assert.Equal(NodeOutcome.Succeeded, n.Outcome));
    }

    [Fact]
    public async Task From_and_to_together_run_the_steps_between_them()
    {
        await using var root = new PipelineRoot();
        await root.RunAsync(new DiamondPipeline());
        var result = await root.RunAsync(new DiamondPipeline(),
            new RunOptions { Selection = new NodeSelection { From = "Right", To = "Join" }, UseCache = false });

        Assert.Equal(NodeOutcome.Reused, result["Left"].Outcome);
        Assert.Equal(["Right", "Join"], result.Nodes.Where(n => n.Outcome == NodeOutcome.Succeeded).Select(n => n.Node));
    }

    [Fact]
    public async Task Only_runs_exactly_the_named_steps()
    {
        await using var root = new PipelineRoot();
        await root.RunAsync(new DiamondPipeline());
        var result = await root.RunAsync(new DiamondPipeline(),
            new RunOptions { Selection = new NodeSelection { Only = ["Side", "Left"] }, UseCache = false });

        Assert.Equal(["Left", "Right", "Side"], result.Nodes.Select(n => n.Node));
        Assert.Equal(NodeOutcome.Reused, result["Right"].Outcome);
        Assert.Equal(NodeOutcome.Succeeded, result["Side"].Outcome);
    }

    [Fact]
    public async Task A_partial_run_whose_producers_never_ran_says_which_step_to_run_first()
    {
        await using var root = new PipelineRoot();
        var error = await Assert.ThrowsAsync<MillraceException>(() =>
            root.RunAsync(new DiamondPipeline(), new RunOptions { Selection = new NodeSelection { Only = ["Tail"] } }));

        Assert.Contains("Step 'Tail' needs the outputs of step 'Join'", error.Message);
        Assert.Contains("--to Join", error.Message);
    }

    [Fact]
    public async Task An_unknown_step_in_a_selection_is_named_with_the_steps_that_exist()
    {
        await using var root = new PipelineRoot();
        var error = await Assert.ThrowsAsync<MillraceException>(() =>
            root.RunAsync(new DiamondPipeline(), new RunOptions { Selection = new NodeSelection { From = "Jion" } }));

        Assert.Equal("--from names step 'Jion', which pipeline 'diamond' does not have; its steps are: Left, Right, Join, Side, Tail.", error.Message);
    }

    [Fact]
    public void From_a_step_to_one_that_is_not_downstream_of_it_selects_nothing_and_is_rejected()
    {
        var error = Assert.Throws<MillraceException>(() => new NodeSelection { From = "Side", To = "Join" }.Resolve(DiamondPipeline.Graph));

        Assert.Contains("'Join' is not downstream of 'Side'", error.Message);
    }

    [Fact]
    public void Steps_can_be_selected_by_their_cluster_names()
    {
        var selected = new NodeSelection { To = "join" }.Resolve(DiamondPipeline.Graph);

        Assert.Equal([true, true, true, false, false], selected);
    }
}
