namespace Millrace.Tests;

public sealed class CodeVersionTests
{
    [Fact]
    public async Task Rebuilding_an_unchanged_component_keeps_its_code_version_and_its_cache()
    {
        var (built, rebuilt) = (ComponentCompiler.CompileStamp("stamp v1"), ComponentCompiler.CompileStamp("stamp v1"));
        await using var root = new PipelineRoot();
        await root.RunAsync(new EditedPipeline(built));
        var second = await root.RunAsync(new EditedPipeline(rebuilt));

        Assert.Equal(ComponentCompiler.CodeVersion(built), ComponentCompiler.CodeVersion(rebuilt));
        Assert.All(second.Nodes, n => Assert.Equal(NodeOutcome.Cached, n.Outcome));
    }

    [Fact]
    public async Task An_edited_component_body_invalidates_its_step_and_everything_downstream_and_nothing_else()
    {
        var (before, after) = (ComponentCompiler.CompileStamp("stamp v1"), ComponentCompiler.CompileStamp("stamp v2"));
        await using var root = new PipelineRoot();
        await root.RunAsync(new EditedPipeline(before));
        var edited = await root.RunAsync(new EditedPipeline(after));

        Assert.NotEqual(ComponentCompiler.CodeVersion(before), ComponentCompiler.CodeVersion(after));
        Assert.Equal(NodeOutcome.Cached, edited["Source"].Outcome);
        Assert.Equal(NodeOutcome.Cached, edited["Sibling"].Outcome);
        Assert.Equal(NodeOutcome.Succeeded, edited["Stamp"].Outcome);
        Assert.Equal(NodeOutcome.Succeeded, edited["Downstream"].Outcome);
        Assert.Equal("stamp v2", File.ReadAllText(edited["Downstream"].Outputs[0].GetPath("text.txt")));
    }
}
