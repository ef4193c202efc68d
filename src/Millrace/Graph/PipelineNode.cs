namespace Millrace;

/// <summary>A step of a pipeline: a named use of a component.</summary>
/// <param name="Index">The node's index in <see cref="PipelineGraph.Nodes"/> (declaration order).</param>
/// <param name="Name">The step's property name in the pipeline class, for example <c>ExampleGen</c>.</param>
/// <param name="ClusterName">The step's lowercase DNS-1123 name, for example <c>example-gen</c>.</param>
/// <param name="Component">What the step's component is.</param>
/// <param name="IsSink">True when nothing is expected to consume the step's outputs.</param>
/// <param name="Layer">
/// The step's depth: 0 for steps without inputs, else one more than its deepest producer. Steps in one layer are
/// independent of each other.
/// </param>
public sealed record PipelineNode(int Index, string Name, string ClusterName, ComponentDescriptor Component, bool IsSink, int Layer);
