using System.Collections.Immutable;

namespace Millrace;

/// <summary>
/// A pipeline's verified DAG as a value: nodes in declaration order, typed port-to-port edges, a deterministic
/// topological order and the parallel layers. The source generator builds it; it is acyclic by construction
/// (a cycle is compile error MR0001).
/// </summary>
public sealed class PipelineGraph
{
    private readonly ImmutableArray<ImmutableArray<PipelineEdge>> _incoming;
    private readonly ImmutableArray<ImmutableArray<PipelineEdge>> _outgoing;

    /// <summary>Creates the graph; called by generated code.</summary>
    /// <exception cref="ArgumentException">An edge or the order names a node that does not exist.</exception>
    public PipelineGraph(string name, ImmutableArray<PipelineNode> nodes, ImmutableArray<PipelineEdge> edges, ImmutableArray<int> topologicalOrder)
    {
        Name = name;
        Nodes = nodes;
        Edges = edges;
        TopologicalOrder = topologicalOrder;
        if (topologicalOrder.Length != nodes.Length)
            throw new ArgumentException($"The topological order has {topologicalOrder.Length} nodes; the graph has {nodes.Length}.", nameof(topologicalOrder));

        var incoming = new List<PipelineEdge>[nodes.Length];
        var outgoing = new List<PipelineEdge>[nodes.Length];
        for (var i = 0; i < nodes.Length; i++) (incoming[i], outgoing[i]) = ([], []);
        foreach (var edge in edges)
        {
            if ((uint)edge.Source >= (uint)nodes.Length || (uint)edge.Target >= (uint)nodes.Length)
                throw new ArgumentException($"Edge {edge} names a node outside 0..{nodes.Length - 1}.", nameof(edges));
            incoming[edge.Target].Add(edge);
            outgoing[edge.Source].Add(edge);
        }
        _incoming = [.. incoming.Select(list => list.ToImmutableArray())];
        _outgoing = [.. outgoing.Select(list => list.ToImmutableArray())];
        Layers = [.. nodes.GroupBy(n => n.Layer).OrderBy(g => g.Key).Select(g => g.Select(n => n.Index).ToImmutableArray())];
    }

    /// <summary>The pipeline's cluster-safe name.</summary>
    public string Name { get; }

    /// <summary>The steps, in the order the pipeline class declares them.</summary>
    public ImmutableArray<PipelineNode> Nodes { get; }

    /// <summary>Every port-to-port connection.</summary>
    public ImmutableArray<PipelineEdge> Edges { get; }

    /// <summary>Node indices such that every producer comes before its consumers; ties keep declaration order.</summary>
    public ImmutableArray<int> TopologicalOrder { get; }

    /// <summary>Node indices grouped by <see cref="PipelineNode.Layer"/>: the nodes of one layer may run in parallel.</summary>
    public ImmutableArray<ImmutableArray<int>> Layers { get; }

    /// <summary>The edges into a node.</summary>
    public ImmutableArray<PipelineEdge> IncomingEdges(int node) => _incoming[node];

    /// <summary>The edges out of a node.</summary>
    public ImmutableArray<PipelineEdge> OutgoingEdges(int node) => _outgoing[node];

    /// <summary>Finds a step by its name or its cluster name (case-sensitive), or returns <see langword="null"/>.</summary>
    public PipelineNode? FindNode(string name) =>
        Nodes.FirstOrDefault(n => n.Name == name || n.ClusterName == name);

    /// <summary>The graph as a Mermaid flowchart.</summary>
    public string ToMermaid() => GraphExport.ToMermaid(this);

    /// <summary>The graph in Graphviz DOT.</summary>
    public string ToDot() => GraphExport.ToDot(this);
}
