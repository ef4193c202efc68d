namespace Millrace.Generators.Model;

/// <summary>Everything the emitter needs to write one component's generated file.</summary>
/// <param name="Namespace">The containing namespace, or empty for the global namespace.</param>
/// <param name="Name">The class name without type parameters, for example <c>Trainer</c>.</param>
/// <param name="MetadataName">The full metadata name, for example <c>Millrace.Components.Trainer`1</c>.</param>
/// <param name="TypeParameters">The type parameters' names, empty for a non-generic component.</param>
/// <param name="Summary">The class's documentation summary, or null.</param>
/// <param name="Cacheable">False for <c>[Component(Cacheable = false)]</c>: its steps always run.</param>
internal sealed record ComponentModel(
    string Namespace,
    string Name,
    string MetadataName,
    EquatableArray<string> TypeParameters,
    string? Summary,
    EquatableArray<PortModel> Inputs,
    EquatableArray<PortModel> Outputs,
    EquatableArray<ParameterModel> Parameters,
    bool Cacheable)
{
    /// <summary>The type as written in generated code: <c>global::Ns.Trainer&lt;TModel&gt;</c>.</summary>
    public string FullyQualifiedName =>
        (Namespace.Length == 0 ? "global::" : "global::" + Namespace + ".") + Name + TypeParameterList;

    /// <summary>The type as written inside its own declaration: <c>Trainer&lt;TModel&gt;</c>.</summary>
    public string NameWithTypeParameters => Name + TypeParameterList;

    /// <summary>The type as a documentation reference names it: <c>Trainer{TModel}</c>.</summary>
    public string CrefName => TypeParameters.Count == 0 ? Name : Name + "{" + string.Join(", ", TypeParameters) + "}";

    private string TypeParameterList => TypeParameters.Count == 0 ? "" : "<" + string.Join(", ", TypeParameters) + ">";
}

/// <summary>An input or output port.</summary>
/// <param name="Type">The artifact type, fully qualified with <c>global::</c>.</param>
/// <param name="IsRequired">Declared <c>required</c>, so that the C# compiler enforces its wiring.</param>
internal sealed record PortModel(string Name, string Type, bool IsOptional, bool IsRequired);

/// <summary>A parameter, with the shape its canonical encoding follows.</summary>
/// <param name="TypeDisplay">The C# type as a person reads it, for example <c>int</c>.</param>
/// <param name="DefaultValue">The initializer's source text, or null.</param>
internal sealed record ParameterModel(string Name, string TypeDisplay, string? DefaultValue, string? Summary, ValueShape Shape);
