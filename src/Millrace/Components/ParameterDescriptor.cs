namespace Millrace;

/// <summary>A parameter of a component.</summary>
/// <param name="Name">The property's name, for example <c>TopK</c>.</param>
/// <param name="TypeName">The parameter's C# type as written in the component, for example <c>int</c>.</param>
/// <param name="DefaultValue">The property initializer's source text, or <see langword="null"/> when it has none.</param>
/// <param name="Summary">The property's documentation summary, or <see langword="null"/>.</param>
public sealed record ParameterDescriptor(string Name, string TypeName, string? DefaultValue, string? Summary = null);
