using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Millrace.Generators.Tests.Infrastructure;

/// <summary>
/// Compiles test sources against the running framework and Millrace, and runs the generator over them with step
/// tracking on. No reference assemblies are downloaded: the references are the assemblies this test runs on.
/// </summary>
internal static class GeneratorHarness
{
    // Documentation comments are parsed and checked, as in a project that generates its documentation file.
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private const string GlobalUsings = """
        global using System;
        global using System.IO;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Millrace;
        """;

    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll" or "Microsoft.Extensions.Logging.Abstractions.dll")
            .Select(path => MetadataReference.CreateFromFile(path)),
        MetadataReference.CreateFromFile(typeof(Artifact).Assembly.Location),
    ];

    /// <summary>A library compilation of the sources (named /src/Source0.cs, ...) plus global usings.</summary>
    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "Tests",
            [
                CSharpSyntaxTree.ParseText(GlobalUsings, ParseOptions, "/src/GlobalUsings.cs"),
                .. sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, $"/src/Source{i}.cs")),
            ],
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                // As in Directory.Build.props: test sources need not document every public member.
                specificDiagnosticOptions: [new("CS1591", ReportDiagnostic.Suppress)]));

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new MillraceGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once; returns its result and the compilation with the generated files added.</summary>
    public static (GeneratorDriverRunResult Result, Compilation Output) Run(Compilation compilation)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return (driver.GetRunResult(), output);
    }

    /// <summary>The generator's diagnostics for the sources.</summary>
    public static ImmutableArray<Diagnostic> GeneratorDiagnostics(params string[] sources) => Run(Compile(sources)).Result.Diagnostics;

    /// <summary>Errors and warnings of the compilation after generation (hidden and info diagnostics excluded).</summary>
    public static ImmutableArray<Diagnostic> CompilationProblems(Compilation output) =>
        [.. output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning)];
}
