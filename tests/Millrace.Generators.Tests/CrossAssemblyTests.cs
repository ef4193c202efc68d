using Microsoft.CodeAnalysis;
using Millrace.Generators.Tests.Infrastructure;

namespace Millrace.Generators.Tests;

/// <summary>
/// Standard components ship in their own assembly, already generated; pipelines in users' projects wire them.
/// The generator must read such components from metadata exactly as it reads source ones.
/// </summary>
public sealed class CrossAssemblyTests
{
    private const string Pipeline = """
        namespace UserCode;

        using Demo;

        [Pipeline("cross-assembly")]
        public sealed partial class UsesLibrary
        {
            public Producer Source => new();
            public Trainer Trainer => new() { Examples = Source.Examples, Epochs = 7 };
            public Evaluator Evaluator => new() { Model = Trainer.Model };
            public Pusher Pusher => new() { Model = Trainer.Model, Blessing = Evaluator.Blessing };
        }
        """;

    [Fact]
    public void Pipeline_wires_components_from_a_referenced_assembly()
    {
        var library = CompileLibrary();
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Compile(Pipeline).AddReferences(library));

        Assert.Empty(result.Diagnostics);
        Assert.Empty(GeneratorHarness.CompilationProblems(output));
        var generated = Assert.Single(result.GeneratedTrees).ToString();
        Assert.Contains("new(Source: 1, SourcePort: 0, Target: 2, TargetPort: 0), // Trainer.Model → Evaluator.Model", generated);
        Assert.Contains("Pusher\", \"pusher\", global::Demo.Pusher.ComponentDescriptor, IsSink: true", generated);
    }

    [Fact]
    public void Wiring_mistakes_against_a_referenced_component_are_still_reported()
    {
        var marked = MarkedSource.Parse("""
            namespace UserCode;

            using Demo;

            [Pipeline("cross-assembly")]
            public sealed partial class UsesLibrary
            {
                public Producer Source => new() { [|Examples = new Millrace.Examples()|] };
            }
            """);
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Compile(marked.Text).AddReferences(CompileLibrary()));

        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == "MR0003");
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);
    }

    /// <summary>The test components, generated and emitted into an assembly of their own.</summary>
    private static MetadataReference CompileLibrary()
    {
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Compile(TestSources.Components).WithAssemblyName("Demo.Components"));
        Assert.Empty(result.Diagnostics);
        using var image = new MemoryStream();
        var emit = output.Emit(image);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
