namespace Millrace;

/// <summary>
/// Marks a <c>partial</c> class as a pipeline component. The Millrace source generator emits its descriptor, the
/// canonical encoding of its parameters and the typed glue that builds it from resolved artifacts.
/// </summary>
/// <remarks>
/// A component declares <see cref="InputAttribute"/>, <see cref="OutputAttribute"/> and
/// <see cref="ParameterAttribute"/> properties and a method
/// <c>public ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken)</c>.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ComponentAttribute : Attribute
{
    /// <summary>
    /// True when the component's purpose is its side effect (pushing a model, writing a report), so that a step
    /// whose outputs nothing consumes is expected and not reported by MR0013.
    /// </summary>
    public bool IsSink { get; init; }
}
