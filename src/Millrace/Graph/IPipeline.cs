namespace Millrace;

/// <summary>
/// A pipeline the source generator has verified: its graph and the typed glue that builds each step's component.
/// The generator implements this interface on every <see cref="PipelineAttribute"/> class; runners use nothing else.
/// </summary>
public interface IPipeline
{
    /// <summary>The pipeline's graph: nodes, typed edges and a topological order computed at compile time.</summary>
    PipelineGraph Graph { get; }

    /// <summary>
    /// Builds the component of one step with its parameters as the pipeline sets them, the given inputs and fresh
    /// output artifacts (no URI yet).
    /// </summary>
    /// <param name="nodeIndex">The node's index in <see cref="PipelineGraph.Nodes"/>.</param>
    /// <param name="inputs">
    /// The resolved input artifacts in the order of the component's input ports; <see langword="null"/> for an
    /// unwired optional input.
    /// </param>
    IComponent CreateStep(int nodeIndex, ReadOnlySpan<Artifact?> inputs);
}
