using System.Collections.Immutable;

namespace Millrace;

/// <summary>
/// Which steps a partial run executes: every step (the default); the steps from <see cref="From"/> on (it and its
/// descendants); the steps up to <see cref="To"/> (it and its ancestors); both (the steps between); or exactly the
/// <see cref="Only"/> steps. Steps outside the selection that feed it are not run: their latest published outputs
/// are reused from the metadata store.
/// </summary>
public sealed record NodeSelection
{
    /// <summary>Every step.</summary>
    public static NodeSelection All { get; } = new();

    /// <summary>Run this step and everything downstream of it.</summary>
    public string? From { get; init; }

    /// <summary>Run this step and everything upstream of it.</summary>
    public string? To { get; init; }

    /// <summary>Run exactly these steps; excludes <see cref="From"/> and <see cref="To"/>.</summary>
    public ImmutableArray<string> Only { get; init; } = [];

    /// <summary>Which nodes of the graph are selected, by index.</summary>
    /// <exception cref="MillraceException">A step name is unknown, the options conflict, or nothing is selected.</exception>
    public bool[] Resolve(PipelineGraph graph)
    {
        var selected = new bool[graph.Nodes.Length];
        if (!Only.IsDefaultOrEmpty)
        {
            if (From is not null || To is not null)
                throw new MillraceException("--only cannot be combined with --from or --to; choose the steps one way.");
            foreach (var name in Only) selected[Find(graph, name, "--only").Index] = true;
            return selected;
        }
        var fromSet = From is null ? null : Reach(graph, Find(graph, From, "--from").Index, downstream: true);
        var toSet = To is null ? null : Reach(graph, Find(graph, To, "--to").Index, downstream: false);
        for (var i = 0; i < selected.Length; i++) selected[i] = (fromSet?[i] ?? true) && (toSet?[i] ?? true);
        if (!selected.Contains(true))
            throw new MillraceException($"No step lies between --from '{From}' and --to '{To}' in pipeline '{graph.Name}': '{To}' is not downstream of '{From}'.");
        return selected;
    }

    private static PipelineNode Find(PipelineGraph graph, string name, string option) =>
        graph.FindNode(name) ?? throw new MillraceException(
            $"{option} names step '{name}', which pipeline '{graph.Name}' does not have; its steps are: {string.Join(", ", graph.Nodes.Select(n => n.Name))}.");

    private static bool[] Reach(PipelineGraph graph, int start, bool downstream)
    {
        var reached = new bool[graph.Nodes.Length];
        var stack = new Stack<int>([start]);
        reached[start] = true;
        while (stack.TryPop(out var node))
        {
            foreach (var edge in downstream ? graph.OutgoingEdges(node) : graph.IncomingEdges(node))
            {
                var next = downstream ? edge.Target : edge.Source;
                if (!reached[next]) stack.Push(next);
                reached[next] = true;
            }
        }
        return reached;
    }
}
