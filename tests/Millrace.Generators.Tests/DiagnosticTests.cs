using Microsoft.CodeAnalysis;
using Millrace.Generators.Tests.Infrastructure;

namespace Millrace.Generators.Tests;

/// <summary>
/// One source that must not compile per diagnostic. The span between <c>[|</c> and <c>|]</c> is where the
/// diagnostic must be: the test checks its ID, line, column and span, and that no other error comes with it.
/// </summary>
public sealed class DiagnosticTests
{
    [Fact]
    public void Cycle_between_trainer_and_evaluator_is_reported_at_the_closing_edge()
    {
        var diagnostic = AssertReported("MR0001", """
            namespace Demo;

            [Pipeline("cyclic")]
            public sealed partial class Cyclic
            {
                public Producer Source => new();
                public Trainer Trainer => new() { Examples = Source.Examples, Blessing = [|Evaluator.Blessing|] };
                public Evaluator Evaluator => new() { Model = Trainer.Model };
            }
            """);
        Assert.Equal("Pipeline 'cyclic' has a cycle: Trainer → Evaluator → Trainer", diagnostic.GetMessage());
    }

    [Fact]
    public void Step_that_consumes_its_own_output_is_a_cycle()
    {
        var diagnostic = AssertReported("MR0001", """
            namespace Demo;

            [Pipeline("self")]
            public sealed partial class SelfLoop
            {
                public Refiner Refiner => new() { Model = [|Refiner.Refined|] };
            }
            """);
        Assert.Equal("Pipeline 'self' has a cycle: Refiner → Refiner", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("new Examples()")]
    [InlineData("MakeExamples()")]
    [InlineData("cached")]
    [InlineData("OtherPipeline.Shared.Source.Examples")]
    [InlineData("Source.Examples ?? new Examples()")]
    public void Input_wired_to_anything_but_a_step_output_is_reported_at_the_value(string value)
    {
        var diagnostic = AssertReported("MR0002", $$"""
            namespace Demo;

            [Pipeline("wiring")]
            public sealed partial class Wiring
            {
                private readonly Examples cached = new();
                private static Examples MakeExamples() => new();
                public Producer Source => new();
                public Trainer Trainer => new() { Examples = [|{{value}}|] };
                [Sink] public Producer Other => new();
            }

            [Pipeline("other")]
            public sealed partial class OtherPipeline
            {
                public static OtherPipeline Shared { get; } = new();
                [Sink] public Producer Source => new();
            }
            """);
        Assert.Contains($"Input 'Examples' of step 'Trainer' must be wired to an output of another step of pipeline 'wiring'", diagnostic.GetMessage());
    }

    [Fact]
    public void Output_assigned_in_a_pipeline_is_reported_at_the_assignment() => AssertReported("MR0003", """
        namespace Demo;

        [Pipeline("outputs")]
        public sealed partial class Outputs
        {
            public Producer Source => new() { [|Examples = new Examples()|] };
            public Trainer Trainer => new() { Examples = Source.Examples };
            [Sink] public Evaluator Evaluator => new() { Model = Trainer.Model };
        }
        """);

    [Fact]
    public void Input_that_is_neither_required_nor_optional_and_unwired_is_reported_at_the_creation() => AssertReported("MR0004", """
        namespace Demo;

        [Pipeline("loose")]
        public sealed partial class Loose
        {
            [Sink] public LooseInput Step => [|new()|];
        }
        """);

    [Fact]
    public void Component_that_is_not_partial_is_reported_at_its_name() => AssertReported("MR0005", """
        namespace Demo;

        [Component]
        public sealed class [|Whole|]
        {
            public ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken) => default;
        }
        """);

    [Fact]
    public void Component_without_ExecuteAsync_is_reported_at_its_name()
    {
        var diagnostic = AssertReported("MR0006", """
            namespace Demo;

            [Component]
            public sealed partial class [|Idle|]
            {
            }
            """);
        Assert.Contains("has no ExecuteAsync method", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("public Task [|ExecuteAsync|](ComponentContext context, CancellationToken cancellationToken) => Task.CompletedTask;")]
    [InlineData("public ValueTask [|ExecuteAsync|](ComponentContext context) => default;")]
    [InlineData("public static ValueTask [|ExecuteAsync|](ComponentContext context, CancellationToken cancellationToken) => default;")]
    [InlineData("internal ValueTask [|ExecuteAsync|](ComponentContext context, CancellationToken cancellationToken) => default;")]
    public void ExecuteAsync_with_the_wrong_signature_is_reported_at_the_method(string method)
    {
        var diagnostic = AssertReported("MR0006", $$"""
            namespace Demo;

            [Component]
            public sealed partial class Odd
            {
                {{method}}
            }
            """);
        Assert.Contains("wrong signature", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("[Input] public required string [|Text|] { get; init; }")]
    [InlineData("[Output] public Examples [|Fixed|] { get; } = new();")]
    [InlineData("[Output] public Artifact [|Anything|] { get; init; } = null!;")]
    [InlineData("[Input, Output] public Examples [|Both|] { get; init; } = null!;")]
    public void Invalid_port_is_reported_at_the_property(string property) => AssertReported("MR0007", $$"""
        namespace Demo;

        [Component]
        public sealed partial class Ports
        {
            {{property}}

            public ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken) => default;
        }
        """);

    [Theory]
    [InlineData("object")]
    [InlineData("System.Collections.Generic.List<int>")]
    [InlineData("System.IO.Stream")]
    [InlineData("Holder")]
    [InlineData("Loop")]
    [InlineData("int[,]")]
    public void Parameter_type_without_a_canonical_encoding_is_reported_at_the_property(string type) => AssertReported("MR0008", $$"""
        namespace Demo;

        public sealed record Holder(object Value);
        public sealed record Loop(string Name, Loop? Next);

        [Component]
        public sealed partial class Parameters
        {
            [Parameter] public {{type}} [|Setting|] { get; init; } = default!;

            public ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken) => default;
        }
        """);

    [Fact]
    public void Step_names_that_collide_on_a_cluster_are_reported_at_the_second() => AssertReported("MR0009", """
        namespace Demo;

        [Pipeline("collide")]
        public sealed partial class Collide
        {
            [Sink] public Producer ExampleGen => new();
            [Sink] public Producer [|Example_Gen|] => new();
        }
        """);

    [Fact]
    public void Step_name_that_is_not_a_DNS_label_is_reported_at_the_name() => AssertReported("MR0010", """
        namespace Demo;

        [Pipeline("invalid-step")]
        public sealed partial class InvalidStep
        {
            [Sink] public Producer [|_Source|] => new();
        }
        """);

    [Fact]
    public void Pipeline_without_steps_is_reported_at_its_name() => AssertReported("MR0011", """
        namespace Demo;

        [Pipeline("empty")]
        public sealed partial class [|Empty|]
        {
            public int Unrelated => 42;
        }
        """);

    [Theory]
    [InlineData("Chicago Taxi")]
    [InlineData("chicago_taxi")]
    [InlineData("-taxi")]
    [InlineData("")]
    public void Pipeline_name_that_is_not_a_DNS_label_is_reported_at_the_argument(string name) => AssertReported("MR0012", $$"""
        namespace Demo;

        [Pipeline([|"{{name}}"|])]
        public sealed partial class Named
        {
            [Sink] public Producer Source => new();
        }
        """);

    [Fact]
    public void Step_whose_outputs_nothing_consumes_is_a_warning_at_its_name()
    {
        var diagnostic = AssertReported("MR0013", """
            namespace Demo;

            [Pipeline("orphans")]
            public sealed partial class Orphans
            {
                public Producer Source => new();
                public Trainer Trainer => new() { Examples = Source.Examples };
                public Evaluator [|Evaluator|] => new() { Model = Trainer.Model };
                public Evaluator Approver => new() { Model = Trainer.Model };
                public Pusher Pusher => new() { Model = Trainer.Model, Blessing = Approver.Blessing };
                [Sink] public Producer Extra => new();
            }
            """);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
    }

    [Fact]
    public void Unconsumed_step_is_not_reported_while_a_wiring_error_explains_it()
    {
        var diagnostics = GeneratorHarness.GeneratorDiagnostics(TestSources.Components, """
            namespace Demo;

            [Pipeline("echo")]
            public sealed partial class Echo
            {
                public Producer Source => new();
                [Sink] public Trainer Trainer => new() { Examples = new Examples() };
            }
            """);

        Assert.Equal(["MR0002"], diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void Step_that_is_not_an_object_creation_is_reported_at_its_name() => AssertReported("MR0014", """
        namespace Demo;

        [Pipeline("factory")]
        public sealed partial class Factory
        {
            private static Producer Create() => new();
            [Sink] public Producer [|Source|] => Create();
        }
        """);

    [Fact]
    public void Assignment_to_a_member_that_is_not_a_port_or_parameter_is_reported_at_the_assignment() => AssertReported("MR0015", """
        namespace Demo;

        [Pipeline("notes")]
        public sealed partial class Notes
        {
            public Producer Source => new();
            [Sink] public LooseInput Loose => new() { Examples = Source.Examples, [|Note = "hand-tuned"|] };
        }
        """);

    [Fact]
    public void Pipeline_that_is_not_partial_is_reported_at_its_name() => AssertReported("MR0016", """
        namespace Demo;

        [Pipeline("whole")]
        public sealed class [|Whole|]
        {
            [Sink] public Producer Source => new();
        }
        """);

    [Fact]
    public void Nested_component_is_reported_at_its_name() => AssertReported("MR0017", """
        namespace Demo;

        public static partial class Outer
        {
            [Component]
            public sealed partial class [|Inner|]
            {
                public ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken) => default;
            }
        }
        """);

    [Fact]
    public void Generic_pipeline_is_reported_at_its_name() => AssertReported("MR0017", """
        namespace Demo;

        [Pipeline("generic")]
        public sealed partial class [|Generic|]<T>
        {
            [Sink] public Producer Source => new();
        }
        """);

    [Fact]
    public void Pipeline_member_named_Graph_is_reported_at_the_member() => AssertReported("MR0018", """
        namespace Demo;

        [Pipeline("graph")]
        public sealed partial class WithGraph
        {
            public string [|Graph|] => "mine";
            [Sink] public Producer Source => new();
        }
        """);

    [Fact]
    public void Diagnostics_are_located_in_the_compilation_tree_so_pragmas_apply()
    {
        var marked = MarkedSource.Parse("""
            namespace Demo;

            [Pipeline("orphan")]
            public sealed partial class Orphan
            {
                public Producer [|Source|] => new();
            }
            """);
        var compilation = GeneratorHarness.Compile(TestSources.Components, marked.Text);
        var diagnostic = Assert.Single(GeneratorHarness.Run(compilation).Result.Diagnostics);
        Assert.Same(compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Source1.cs"), diagnostic.Location.SourceTree);
    }

    /// <summary>
    /// Asserts that the generator reports exactly one <paramref name="id"/> over the marked span (ID, line, column,
    /// span) and no other error, and returns it.
    /// </summary>
    private static Diagnostic AssertReported(string id, string markedSource)
    {
        var marked = MarkedSource.Parse(markedSource);
        var diagnostics = GeneratorHarness.GeneratorDiagnostics(TestSources.Components, marked.Text);
        var diagnostic = Assert.Single(diagnostics, d => d.Id == id);
        var position = diagnostic.Location.GetLineSpan();
        Assert.Equal("/src/Source1.cs", position.Path);
        Assert.Equal((marked.Line, marked.Column), (position.StartLinePosition.Line + 1, position.StartLinePosition.Character + 1));
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);
        Assert.Empty(diagnostics.Where(d => d.Id != id && d.DefaultSeverity == DiagnosticSeverity.Error));
        Assert.EndsWith($"docs/diagnostics/{id}.md", diagnostic.Descriptor.HelpLinkUri);
        return diagnostic;
    }
}
