using Millrace.Generators.Tests.Infrastructure;

namespace Millrace.Generators.Tests;

/// <summary>
/// The generated code for the standard shapes, compared exactly with checked-in files, and proved to compile with
/// zero warnings under warnings-as-errors.
/// </summary>
public sealed class SnapshotTests
{
    public const string SimpleComponent = """
        namespace Demo;

        /// <summary>Computes per-feature statistics for every split.</summary>
        [Component]
        public sealed partial class StatisticsGen
        {
            [Input] public required Examples Examples { get; init; }
            [Input(Optional = true)] public Schema? Schema { get; init; }
            [Output] public ExampleStatistics Statistics { get; init; } = null!;

            /// <summary>How many most frequent values to keep per string feature.</summary>
            [Parameter] public int TopK { get; init; } = 20;

            [Parameter] public string? Label { get; init; }

            public ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken) => default;
        }
        """;

    public const string GenericComponent = """
        namespace Demo.Training;

        public interface IModelDefinition
        {
            static abstract string Architecture { get; }
        }

        /// <summary>Trains a <typeparamref name="TModel"/> on examples.</summary>
        [Component]
        public sealed partial class Trainer<TModel> where TModel : IModelDefinition
        {
            [Input] public required Examples Examples { get; init; }
            [Input(Optional = true)] public HyperParameters? HyperParameters { get; init; }
            [Output] public Model Model { get; init; } = null!;
            [Parameter] public int Epochs { get; init; } = 20;

            public ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken) => default;
        }
        """;

    public const string UncachedComponent = """
        namespace Demo;

        /// <summary>Hands on the latest blessed model.</summary>
        [Component(Cacheable = false)]
        public sealed partial class LatestBlessedModel
        {
            [Output] public Model Model { get; init; } = null!;

            public ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken) => default;
        }
        """;

    public const string ParameterShapes = """
        namespace Demo;

        public enum Mode { Fast, Exact }
        public sealed record Split(string Name, double Ratio);
        public readonly record struct Range(double Min, double Max);
        public sealed record Plan(Split[] Splits, Range? Clip, Mode Mode);

        [Component]
        public sealed partial class Shapes
        {
            [Output] public Examples Examples { get; init; } = null!;
            [Parameter] public bool Flag { get; init; }
            [Parameter] public byte Small { get; init; }
            [Parameter] public long? Limit { get; init; }
            [Parameter] public ulong Big { get; init; }
            [Parameter] public float Rate { get; init; }
            [Parameter] public double Ratio { get; init; }
            [Parameter] public decimal Price { get; init; }
            [Parameter] public char Separator { get; init; } = ',';
            [Parameter] public string Name { get; init; } = "";
            [Parameter] public TimeSpan Timeout { get; init; }
            [Parameter] public DateTimeOffset Since { get; init; }
            [Parameter] public Mode Mode { get; init; }
            [Parameter] public Mode? Fallback { get; init; }
            [Parameter] public int[] Sizes { get; init; } = [];
            [Parameter] public string?[]? Columns { get; init; }
            [Parameter] public Range Window { get; init; }
            [Parameter] public Plan? Plan { get; init; }

            public ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken) => default;
        }
        """;

    public const string Pipeline = """
        using System.Globalization;
        using Demo.Training;

        namespace Demo;

        public sealed class TaxiModel : IModelDefinition
        {
            public static string Architecture => "mlp";
        }

        /// <summary>Reads examples.</summary>
        [Component]
        public sealed partial class CsvExampleGen
        {
            [Parameter] public required string InputPath { get; init; }
            [Output] public Examples Examples { get; init; } = null!;

            public ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken) => default;
        }

        /// <summary>Pushes a model.</summary>
        [Component(IsSink = true)]
        public sealed partial class Pusher
        {
            [Input] public required Model Model { get; init; }
            [Output] public PushedModel Pushed { get; init; } = null!;

            public ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken) => default;
        }

        [Pipeline("chicago-taxi")]
        public sealed partial class TaxiPipeline
        {
            private readonly string root = "data";

            public CsvExampleGen ExampleGen => new() { InputPath = Path.Combine(root, "taxi.csv") };
            [Sink] public StatisticsGen Statistics => new() { Examples = ExampleGen.Examples, TopK = int.Parse("10", CultureInfo.InvariantCulture) };
            public Trainer<TaxiModel> Trainer => new() { Examples = this.ExampleGen.Examples, Epochs = 5 };
            [Sink] public StatisticsGen ModelStatistics => new() { Examples = ExampleGen.Examples };
            public Pusher Pusher => new() { Model = Trainer.Model };
        }
        """;

    [Fact]
    public void Simple_component_generates_the_expected_file() => AssertSnapshots(nameof(SimpleComponent), SimpleComponent);

    [Fact]
    public void Generic_component_generates_the_expected_file() => AssertSnapshots(nameof(GenericComponent), GenericComponent);

    [Fact]
    public void A_component_that_is_not_cacheable_says_so_in_its_descriptor() => AssertSnapshots(nameof(UncachedComponent), UncachedComponent);

    [Fact]
    public void Every_allowed_parameter_shape_generates_the_expected_encoder() => AssertSnapshots(nameof(ParameterShapes), ParameterShapes);

    [Fact]
    public void Pipeline_generates_the_expected_graph_and_glue() =>
        AssertSnapshots(nameof(Pipeline), Pipeline, SimpleComponent, GenericComponent);

    [Theory]
    [InlineData(nameof(SimpleComponent))]
    [InlineData(nameof(GenericComponent))]
    [InlineData(nameof(UncachedComponent))]
    [InlineData(nameof(ParameterShapes))]
    [InlineData(nameof(Pipeline))]
    public void Generated_code_compiles_without_a_warning_under_warnings_as_errors(string shape)
    {
        string[] sources = shape switch
        {
            nameof(SimpleComponent) => [SimpleComponent],
            nameof(GenericComponent) => [GenericComponent],
            nameof(UncachedComponent) => [UncachedComponent],
            nameof(ParameterShapes) => [ParameterShapes],
            _ => [Pipeline, SimpleComponent, GenericComponent],
        };
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Compile(sources));
        Assert.Empty(result.Diagnostics);
        Assert.NotEmpty(result.GeneratedTrees);
        Assert.Empty(GeneratorHarness.CompilationProblems(output));
    }

    /// <summary>Each generated file of the sources matches Snapshots/{name}.{hint name}.</summary>
    private static void AssertSnapshots(string name, params string[] sources)
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Compile(sources));
        Assert.Empty(result.Diagnostics);
        var generated = result.Results.Single().GeneratedSources;
        Assert.NotEmpty(generated);
        foreach (var file in generated.Where(f => f.HintName.StartsWith("Demo.", StringComparison.Ordinal) && IsOwnedBy(f.HintName, sources[0])))
        {
            Snapshot.Match($"{name}.{file.HintName}", file.SourceText.ToString());
        }
    }

    // The snapshot of a shape covers the files of the types its own source declares, not those of helper sources.
    private static bool IsOwnedBy(string hintName, string source)
    {
        var typeName = hintName.Split('.')[^3].Split('_')[0];
        return source.Contains($"class {typeName}", StringComparison.Ordinal);
    }
}
