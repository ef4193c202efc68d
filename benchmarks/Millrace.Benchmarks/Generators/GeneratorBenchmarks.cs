using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Millrace.Generators;

namespace Millrace.Benchmarks.Generators;

/// <summary>
/// The generator's cost on a 500-step pipeline over 50 component types: a full run on a fresh compilation (a
/// build), against a re-run of a warm driver after a one-line edit of one component's method body (the IDE on a
/// keystroke). Both include creating the compilation, so both pay for the binding the generator triggers.
/// Target: the incremental re-run under 10% of the full run. The floor is what reading the same declarations
/// costs any generator after an edit (<see cref="DeclarationReader"/>).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private const int Steps = 500;
    private const int ComponentTypes = 50;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private SyntaxTree[] _trees = [];
    private MetadataReference[] _references = [];
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _warmDriver = null!;
    private GeneratorDriver _warmFloorDriver = null!;
    private SyntaxTree _editedTree = null!;
    private SyntaxTree _editedTreeOriginal = null!;

    [GlobalSetup]
    public void Setup()
    {
        var sources = new List<(string Path, string Text)>
        {
            ("/src/GlobalUsings.cs", "global using System; global using System.Threading; global using System.Threading.Tasks; global using Millrace;"),
            ("/src/Origin.cs", SyntheticPipeline.Source),
            ("/src/SyntheticPipeline.cs", SyntheticPipeline.Pipeline(Steps, ComponentTypes)),
        };
        for (var i = 0; i < ComponentTypes; i++) sources.Add(($"/src/Stage{i}.cs", SyntheticPipeline.Component(i)));
        _trees = [.. sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path))];
        _references =
        [
            .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
                .Select(p => MetadataReference.CreateFromFile(p)),
            MetadataReference.CreateFromFile(typeof(Artifact).Assembly.Location),
        ];
        _compilation = NewCompilation();

        _warmDriver = NewDriver().RunGenerators(_compilation);
        _warmFloorDriver = CSharpGeneratorDriver.Create([new DeclarationReader().AsSourceGenerator()], parseOptions: ParseOptions).RunGenerators(_compilation);
        _editedTreeOriginal = _trees.Single(t => t.FilePath == "/src/Stage7.cs");
        var text = _editedTreeOriginal.GetText().ToString().Replace(SyntheticPipeline.EditMarker, "var work = 1;");
        _editedTree = _editedTreeOriginal.WithChangedText(SourceText.From(text));

        var check = FullRun().GetRunResult();
        if (check.Diagnostics.Length > 0 || check.GeneratedTrees.Length != ComponentTypes + 2)
            throw new InvalidOperationException($"The synthetic project does not generate cleanly: {string.Join("; ", check.Diagnostics)}");
    }

    [Benchmark(Baseline = true, Description = "Full run, 500 steps")]
    public GeneratorDriver FullRun() => NewDriver().RunGenerators(NewCompilation());

    [Benchmark(Description = "Incremental re-run after a one-line body edit")]
    public GeneratorDriver IncrementalRun() =>
        _warmDriver.RunGenerators(_compilation.ReplaceSyntaxTree(_editedTreeOriginal, _editedTree));

    [Benchmark(Description = "Floor: re-run of a generator that only reads the same declarations")]
    public GeneratorDriver FloorRun() =>
        _warmFloorDriver.RunGenerators(_compilation.ReplaceSyntaxTree(_editedTreeOriginal, _editedTree));

    private CSharpCompilation NewCompilation() => CSharpCompilation.Create(
        "Synthetic", _trees, _references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create([new MillraceGenerator().AsSourceGenerator()], parseOptions: ParseOptions);
}
