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

    /// <summary>
    /// False for a component whose result depends on more than its code, parameters and inputs, such as a resolver
    /// that looks up the latest blessed model in the metadata store: its steps run on every run and are never served
    /// from the cache, and only such a component may point an output at an existing artifact
    /// (<see cref="ComponentContext.ResolveOutputAsync"/>) or leave it absent (<see cref="ComponentContext.MarkOutputAbsent"/>).
    /// Its consumers are still cached, on the content digests of what it handed them. True by default.
    /// </summary>
    public bool Cacheable { get; init; } = true;
}
