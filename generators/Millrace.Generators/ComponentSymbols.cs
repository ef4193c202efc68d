using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Millrace.Generators.Model;

namespace Millrace.Generators;

/// <summary>
/// What a component type looks like through the semantic model: its ports in descriptor order and whether its
/// <c>ExecuteAsync</c> is right. Shared by the component and pipeline parsers so that both agree on port order.
/// </summary>
internal static class ComponentSymbols
{
    public static bool Has(ISymbol symbol, string attributeMetadataName) => Find(symbol, attributeMetadataName) is not null;

    public static AttributeData? Find(ISymbol symbol, string attributeMetadataName)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (IsNamed(attribute.AttributeClass, attributeMetadataName)) return attribute;
        }
        return null;
    }

    /// <summary>
    /// Whether a type is the one with this full metadata name, compared part by part: the generator asks this for
    /// every attribute of every member, so it avoids formatting display strings.
    /// </summary>
    public static bool IsNamed(ITypeSymbol? type, string metadataName)
    {
        if (type is null) return false;
        var end = metadataName.Length;
        var dot = metadataName.LastIndexOf('.');
        if (!Matches(type.MetadataName, metadataName, dot + 1, end)) return false;
        ISymbol? ns = type.ContainingNamespace;
        while (dot > 0)
        {
            end = dot;
            dot = metadataName.LastIndexOf('.', end - 1);
            if (ns is not INamespaceSymbol { IsGlobalNamespace: false } || !Matches(ns.MetadataName, metadataName, dot + 1, end)) return false;
            ns = ns.ContainingNamespace;
        }
        return ns is INamespaceSymbol { IsGlobalNamespace: true } && type.ContainingType is null;
    }

    private static bool Matches(string name, string text, int start, int end) =>
        name.Length == end - start && string.CompareOrdinal(name, 0, text, start, name.Length) == 0;

    public static bool IsComponent(ITypeSymbol? type) =>
        type is INamedTypeSymbol named && Has(named.OriginalDefinition, KnownNames.ComponentAttribute);

    /// <summary>True for <c>[Component(IsSink = true)]</c>.</summary>
    public static bool IsSinkComponent(INamedTypeSymbol component) =>
        Find(component.OriginalDefinition, KnownNames.ComponentAttribute)?.NamedArguments
            .Any(a => a.Key == "IsSink" && a.Value.Value is true) == true;

    /// <summary>False for <c>[Component(Cacheable = false)]</c>.</summary>
    public static bool IsCacheableComponent(INamedTypeSymbol component) =>
        Find(component.OriginalDefinition, KnownNames.ComponentAttribute)?.NamedArguments
            .Any(a => a.Key == "Cacheable" && a.Value.Value is false) != true;

    /// <summary>Properties of the type and its bases, most-base first, each type's in declaration order.</summary>
    public static IEnumerable<IPropertySymbol> Properties(INamedTypeSymbol type)
    {
        var chain = new Stack<INamedTypeSymbol>();
        for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType) chain.Push(t);
        return chain.SelectMany(t => t.GetMembers().OfType<IPropertySymbol>().Where(p => !p.IsStatic && !p.IsIndexer));
    }

    public static IEnumerable<IPropertySymbol> Inputs(INamedTypeSymbol type) =>
        Properties(type).Where(p => Has(p, KnownNames.InputAttribute) && !Has(p, KnownNames.OutputAttribute));

    public static IEnumerable<IPropertySymbol> Outputs(INamedTypeSymbol type) =>
        Properties(type).Where(p => Has(p, KnownNames.OutputAttribute) && !Has(p, KnownNames.InputAttribute));

    public static PortModel ToInputPort(IPropertySymbol property) => new(
        property.Name,
        FullyQualified(property.Type),
        IsOptional: Find(property, KnownNames.InputAttribute)!.NamedArguments.Any(a => a.Key == "Optional" && a.Value.Value is true),
        IsRequired: property.IsRequired);

    public static PortModel ToOutputPort(IPropertySymbol property) =>
        new(property.Name, FullyQualified(property.Type), IsOptional: false, IsRequired: property.IsRequired);

    public static bool IsArtifact(ITypeSymbol type)
    {
        for (var t = type as INamedTypeSymbol; t is not null; t = t.BaseType)
        {
            if (IsNamed(t, KnownNames.Artifact)) return true;
        }
        return false;
    }

    public static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax d && d.Modifiers.Any(SyntaxKind.PartialKeyword));

    /// <summary>
    /// Checks for <c>public ValueTask ExecuteAsync(ComponentContext, CancellationToken)</c>. Returns null when it is
    /// right, else the problem in words and the method that has it (null when there is no such method at all).
    /// </summary>
    public static (string Problem, IMethodSymbol? Method)? CheckExecuteAsync(INamedTypeSymbol type)
    {
        var candidates = new List<IMethodSymbol>();
        for (var t = type; t is not null; t = t.BaseType)
        {
            candidates.AddRange(t.GetMembers("ExecuteAsync").OfType<IMethodSymbol>());
        }
        if (candidates.Any(IsExecuteAsync)) return null;
        return candidates.Count == 0
            ? ("has no ExecuteAsync method", null)
            : ("has an ExecuteAsync method with the wrong signature", candidates[0]);
    }

    /// <summary>
    /// Whether a component will have generated glue: a source component that is partial with a right ExecuteAsync,
    /// or a component from a referenced assembly (already built with the generator).
    /// </summary>
    public static bool HasGlue(INamedTypeSymbol component)
    {
        var definition = component.OriginalDefinition;
        if (definition.DeclaringSyntaxReferences.Length == 0)
        {
            return definition.AllInterfaces.Any(i => IsNamed(i, KnownNames.ComponentInterface));
        }
        return IsPartial(definition) && definition.ContainingType is null && CheckExecuteAsync(definition) is null
            && Properties(definition).All(p => PortProblem(p) is null);
    }

    /// <summary>What is wrong with a port property, or null when it is a valid port (or not a port).</summary>
    public static string? PortProblem(IPropertySymbol property)
    {
        var isInput = Has(property, KnownNames.InputAttribute);
        var isOutput = Has(property, KnownNames.OutputAttribute);
        if (!isInput && !isOutput) return null;
        if (isInput && isOutput) return "is marked both [Input] and [Output]; a port is one or the other";
        if (!IsArtifact(property.Type)) return $"has type '{property.Type.ToDisplayString()}', which does not derive from Millrace.Artifact";
        if (property.SetMethod is null) return "has no init or set accessor, so the runtime cannot give it its artifact";
        if (isOutput && property.Type is INamedTypeSymbol { IsAbstract: true })
            return $"has abstract type '{property.Type.ToDisplayString()}'; the runtime must be able to create the output";
        if (isOutput && property.Type is INamedTypeSymbol output && !output.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public))
            return $"has type '{output.ToDisplayString()}' without a public parameterless constructor; the runtime must be able to create the output";
        return null;
    }

    public static string FullyQualified(ITypeSymbol type) =>
        type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    private static bool IsExecuteAsync(IMethodSymbol method) =>
        method.DeclaredAccessibility == Accessibility.Public
        && !method.IsStatic
        && !method.IsGenericMethod
        && IsNamed(method.ReturnType, "System.Threading.Tasks.ValueTask")
        && method.Parameters.Length == 2
        && IsNamed(method.Parameters[0].Type, KnownNames.ComponentContext)
        && IsNamed(method.Parameters[1].Type, "System.Threading.CancellationToken");
}
