using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Millrace.Generators.Model;

namespace Millrace.Generators;

/// <summary>
/// A component type's ports and members as the pipeline parser needs them, computed once per component type per
/// parse (a pipeline often uses one component for many steps). Transient: it holds symbols, so it never leaves
/// the transform.
/// </summary>
internal sealed class ComponentShape
{
    private ComponentShape(INamedTypeSymbol type)
    {
        // The same port order as the component's own descriptor: both come from ComponentSymbols.
        Inputs = ComponentSymbols.Inputs(type).Select(ComponentSymbols.ToInputPort).ToEquatableArray();
        Outputs = ComponentSymbols.Outputs(type).Select(ComponentSymbols.ToOutputPort).ToEquatableArray();
        foreach (var property in ComponentSymbols.Properties(type))
        {
            Members[property.Name] =
                ComponentSymbols.Has(property, KnownNames.OutputAttribute) ? MemberKind.Output
                : ComponentSymbols.Has(property, KnownNames.InputAttribute) ? MemberKind.Input
                : ComponentSymbols.Has(property, KnownNames.ParameterAttribute) ? MemberKind.Parameter
                : MemberKind.Other;
        }
        HasGlue = ComponentSymbols.HasGlue(type);
        IsSink = ComponentSymbols.IsSinkComponent(type);
        FullyQualifiedName = ComponentSymbols.FullyQualified(type);
        Name = type.Name;
    }

    public enum MemberKind { Other, Input, Output, Parameter }

    public string Name { get; }

    public string FullyQualifiedName { get; }

    public EquatableArray<PortModel> Inputs { get; }

    public EquatableArray<PortModel> Outputs { get; }

    /// <summary>Every property of the component (and its bases) by name, with what it is.</summary>
    public Dictionary<string, MemberKind> Members { get; } = new();

    public bool HasGlue { get; }

    public bool IsSink { get; }

    public int IndexOfInput(string name) => IndexOf(Inputs, name);

    public bool HasOutput(string name) => IndexOf(Outputs, name) >= 0;

    /// <summary>The shape of a component type, from the cache when this parse has seen the type before.</summary>
    public static ComponentShape Of(INamedTypeSymbol type, Dictionary<INamedTypeSymbol, ComponentShape> cache)
    {
        if (!cache.TryGetValue(type, out var shape))
        {
            shape = new ComponentShape(type);
            cache.Add(type, shape);
        }
        return shape;
    }

    private static int IndexOf(EquatableArray<PortModel> ports, string name)
    {
        for (var i = 0; i < ports.Count; i++)
        {
            if (ports[i].Name == name) return i;
        }
        return -1;
    }
}
