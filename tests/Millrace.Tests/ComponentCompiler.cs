using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Millrace.Tests;

/// <summary>
/// Compiles a component from source with Roslyn, deterministically as the repository's builds are, and loads it in
/// its own load context: a test can then "edit" a component and rebuild it, as a developer would.
/// </summary>
public static class ComponentCompiler
{
    private static readonly MetadataReference[] References =
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p)),
        MetadataReference.CreateFromFile(typeof(Artifact).Assembly.Location),
    ];

    /// <summary>A one-input, one-output component whose body writes <paramref name="body"/> into its output.</summary>
    public static Type CompileStamp(string body)
    {
        var source = $$"""
            using System;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            using Millrace;
            namespace Edited;
            public sealed class Stamp(Examples? input) : IComponent<Stamp>
            {
                public static ComponentDescriptor ComponentDescriptor { get; } = new("Edited.Stamp", "Stamp", null,
                    [new("Input", typeof(Examples), IsOptional: true)], [new("Output", typeof(Examples))], [], [typeof(Stamp).Assembly]);
                public Examples? Input { get; } = input;
                public Examples Output { get; } = new();
                ComponentDescriptor IComponent.Descriptor => ComponentDescriptor;
                void IComponent.WriteParameters(ParameterWriter writer) { }
                Artifact?[] IComponent.GetInputs() => [Input];
                Artifact[] IComponent.GetOutputs() => [Output];
                public async ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken) =>
                    await File.WriteAllTextAsync(Output.GetPath("text.txt"), "{{body}}", cancellationToken);
            }
            """;
        var compilation = CSharpCompilation.Create("Edited",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, deterministic: true, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success) throw new InvalidOperationException(string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        var assembly = new AssemblyLoadContext("edited-" + Guid.NewGuid().ToString("N"), isCollectible: true).LoadFromStream(image);
        return assembly.GetType("Edited.Stamp")!;
    }

    /// <summary>The module version id of a compiled component's assembly: its code version in cache keys.</summary>
    public static Guid CodeVersion(Type component) => component.Assembly.ManifestModule.ModuleVersionId;

    /// <summary>The static descriptor of a compiled component.</summary>
    public static ComponentDescriptor Descriptor(Type component) =>
        (ComponentDescriptor)component.GetProperty("ComponentDescriptor", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
}
