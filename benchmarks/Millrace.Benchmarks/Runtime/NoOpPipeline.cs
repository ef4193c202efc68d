using System.Collections.Immutable;

namespace Millrace.Benchmarks.Runtime;

/// <summary>
/// A synthetic pipeline of no-op steps shaped as a binary tree (step i reads step (i-1)/2), so that the runner has
/// both depth (8 layers for 200 steps) and width to schedule in parallel.
/// </summary>
public sealed class NoOpPipeline : IPipeline
{
    public NoOpPipeline(int steps)
    {
        var nodes = Enumerable.Range(0, steps)
            .Select(i => new PipelineNode(i, $"Step{i}", $"step-{i}", NoOpStep.ComponentDescriptor, IsSink: 2 * i + 1 >= steps, Layer: Depth(i)))
            .ToImmutableArray();
        var edges = Enumerable.Range(1, steps - 1).Select(i => new PipelineEdge((i - 1) / 2, 0, i, 0)).ToImmutableArray();
        Graph = new PipelineGraph("no-op", nodes, edges, [.. Enumerable.Range(0, steps)]);
    }

    public PipelineGraph Graph { get; }

    public IComponent CreateStep(int nodeIndex, ReadOnlySpan<Artifact?> inputs) =>
        new NoOpStep { Input = (Examples?)inputs[0], Output = new Examples(), Index = nodeIndex };

    private static int Depth(int i) => i == 0 ? 0 : 1 + Depth((i - 1) / 2);
}
