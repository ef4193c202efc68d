using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Millrace.Benchmarks.Generators;

/// <summary>
/// The floor under any generator of this shape: it finds the same classes by attribute and reads the same
/// declarations (each property's type and attributes) as the Millrace generator, and emits nothing. Roslyn re-runs
/// every transform after an edit and rebinds the declarations it asks for; what this costs, no generator that
/// reads ports from attributes can avoid.
/// </summary>
internal sealed class DeclarationReader : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var components = context.SyntaxProvider.ForAttributeWithMetadataName(
            "Millrace.ComponentAttribute", static (node, _) => node is ClassDeclarationSyntax, static (c, _) => Read((INamedTypeSymbol)c.TargetSymbol));
        var pipelines = context.SyntaxProvider.ForAttributeWithMetadataName(
            "Millrace.PipelineAttribute", static (node, _) => node is ClassDeclarationSyntax, static (c, _) => Read((INamedTypeSymbol)c.TargetSymbol));
        context.RegisterSourceOutput(components, static (_, _) => { });
        context.RegisterSourceOutput(pipelines, static (_, _) => { });
    }

    private static int Read(INamedTypeSymbol type)
    {
        var count = 0;
        foreach (var member in type.GetMembers())
        {
            if (member is not IPropertySymbol property) continue;
            count += property.GetAttributes().Length + property.Type.GetAttributes().Length;
        }
        return count;
    }
}
