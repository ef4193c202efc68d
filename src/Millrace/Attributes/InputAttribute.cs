namespace Millrace;

/// <summary>Marks a component property as an input port: an artifact another step produces.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class InputAttribute : Attribute
{
    /// <summary>
    /// True when a pipeline may leave this input unwired; the property is then <see langword="null"/> at run time.
    /// A non-optional input should be declared <c>required</c> so that the C# compiler enforces the wiring.
    /// </summary>
    public bool Optional { get; init; }
}
