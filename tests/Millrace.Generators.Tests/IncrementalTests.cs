using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Millrace.Generators.Tests.Infrastructure;

namespace Millrace.Generators.Tests;

/// <summary>
/// The generator must do no work when nothing it reads has changed: the IDE runs it on every keystroke.
/// </summary>
public sealed class IncrementalTests
{
    private static readonly string[] TrackedSteps =
    [
        TrackingNames.Components, TrackingNames.ComponentSources,
        TrackingNames.Pipelines, TrackingNames.PipelinePlans, TrackingNames.PipelineSources,
    ];

    private const string Pipeline = """
        namespace Demo;

        [Pipeline("incremental")]
        public sealed partial class Incremental
        {
            public Producer Source => new();
            public Trainer Trainer => new() { Examples = Source.Examples, Epochs = 3 };
            public Evaluator Evaluator => new() { Model = Trainer.Model };
            public Pusher Pusher => new() { Model = Trainer.Model, Blessing = Evaluator.Blessing };
        }
        """;

    [Fact]
    public void Rerun_on_a_cloned_compilation_is_entirely_cached()
    {
        var compilation = GeneratorHarness.Compile(TestSources.Components, Pipeline);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var rerun = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

        AssertAllCachedOrUnchanged(rerun, TrackedSteps);
        AssertOutputsCachedOrUnchanged(rerun);
    }

    [Fact]
    public void Editing_a_component_method_body_does_not_regenerate_anything()
    {
        var compilation = GeneratorHarness.Compile(TestSources.Components, Pipeline);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var edited = Edit(compilation, "/src/Source0.cs", "=> default;", "=> ValueTask.CompletedTask;");

        var rerun = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllCachedOrUnchanged(rerun, TrackingNames.ComponentSources, TrackingNames.Pipelines, TrackingNames.PipelinePlans, TrackingNames.PipelineSources);
        AssertOutputsCachedOrUnchanged(rerun);
    }

    [Fact]
    public void Adding_an_unrelated_file_does_not_regenerate_anything()
    {
        var compilation = GeneratorHarness.Compile(TestSources.Components, Pipeline);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var added = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Demo; public static class Unrelated { public static int Answer => 42; }", GeneratorHarness.ParseOptions, "/src/Unrelated.cs"));

        var rerun = driver.RunGenerators(added).GetRunResult().Results.Single();

        AssertAllCachedOrUnchanged(rerun, TrackedSteps);
        AssertOutputsCachedOrUnchanged(rerun);
    }

    [Fact]
    public void Changing_a_parameter_in_the_pipeline_regenerates_the_pipeline_only()
    {
        var compilation = GeneratorHarness.Compile(TestSources.Components, Pipeline);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var edited = Edit(compilation, "/src/Source1.cs", "Epochs = 3", "Epochs = 4");

        var rerun = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllCachedOrUnchanged(rerun, TrackingNames.ComponentSources);
        var pipeline = Assert.Single(rerun.TrackedSteps[TrackingNames.PipelineSources]);
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(pipeline.Outputs).Reason);
    }

    [Fact]
    public void No_model_holds_a_symbol_a_syntax_node_or_a_compilation()
    {
        var compilation = GeneratorHarness.Compile(TestSources.Components, Pipeline, SnapshotTests.ParameterShapes);
        var result = GeneratorHarness.CreateDriver().RunGenerators(compilation).GetRunResult().Results.Single();

        var models = TrackedSteps.SelectMany(name => result.TrackedSteps[name]).SelectMany(step => step.Outputs).Select(output => output.Value).ToList();

        Assert.NotEmpty(models);
        foreach (var model in models) AssertHoldsNoRoslynState(model, new HashSet<object>(ReferenceEqualityComparer.Instance), "model");
    }

    private static Compilation Edit(Compilation compilation, string path, string find, string replace)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        var text = tree.GetText().ToString();
        Assert.Contains(find, text);
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(text.Replace(find, replace))));
    }

    private static void AssertAllCachedOrUnchanged(GeneratorRunResult result, params string[] stepNames)
    {
        foreach (var name in stepNames)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), $"Step {name} did not run.");
            foreach (var step in result.TrackedSteps[name])
            {
                foreach (var (_, reason) in step.Outputs)
                {
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Step {name} was {reason}.");
                }
            }
        }
    }

    private static void AssertOutputsCachedOrUnchanged(GeneratorRunResult result)
    {
        foreach (var step in result.TrackedOutputSteps.SelectMany(pair => pair.Value))
        {
            foreach (var (_, reason) in step.Outputs)
            {
                Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"An output step was {reason}.");
            }
        }
    }

    /// <summary>Walks every field reachable from a model; Roslyn's compilation state must not be among them.</summary>
    private static void AssertHoldsNoRoslynState(object? value, HashSet<object> seen, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum) return;
        Assert.False(value is ISymbol or Compilation or SyntaxNode or SyntaxTree or SemanticModel or Location,
            $"{path} holds a {value.GetType().Name}.");
        if (value is DiagnosticDescriptor || value is TextSpan || value is LinePositionSpan) return;
        if (!value.GetType().IsValueType && !seen.Add(value)) return;
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items) AssertHoldsNoRoslynState(item, seen, $"{path}[{i++}]");
            return;
        }
        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertHoldsNoRoslynState(field.GetValue(value), seen, $"{path}.{field.Name}");
        }
    }
}
