namespace Millrace;

/// <summary>
/// Marks a <c>partial</c> class as a pipeline. Each of its properties whose type is a component and whose body is
/// an object creation (<c>public Trainer Trainer =&gt; new() { ... };</c>) is a step; the source generator checks the
/// wiring and emits the graph.
/// </summary>
/// <param name="name">The pipeline's name: a lowercase DNS-1123 label (MR0012), since it names cluster resources.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PipelineAttribute(string name) : Attribute
{
    /// <summary>The pipeline's cluster-safe name, for example <c>chicago-taxi</c>.</summary>
    public string Name { get; } = name;
}
