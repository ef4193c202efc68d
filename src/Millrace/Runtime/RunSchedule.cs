using Microsoft.Extensions.Logging;

namespace Millrace;

/// <summary>
/// The scheduling loop of one run: starts every selected step whose producers have outputs, at most
/// <see cref="RunOptions.MaxParallelism"/> at a time, in topological order among the ready ones; when a step ends
/// without outputs, its selected descendants are recorded as skipped while the other branches go on.
/// </summary>
internal sealed class RunSchedule(
    PipelineGraph graph, bool[] selected, NodeResult?[] results, RunOptions options, NodeLauncher launcher,
    IMetadataStore store, string runId, ILogger logger)
{
    private readonly int[] _waitingFor = new int[graph.Nodes.Length];
    private readonly PriorityQueue<int, int> _ready = new();
    private readonly Dictionary<Task<NodeResult>, int> _running = [];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var rank = new int[graph.Nodes.Length];
        for (var i = 0; i < rank.Length; i++) rank[graph.TopologicalOrder[i]] = i;
        foreach (var node in graph.Nodes.Where(n => selected[n.Index]))
        {
            _waitingFor[node.Index] = graph.IncomingEdges(node.Index).Count(e => selected[e.Source]);
            if (_waitingFor[node.Index] == 0) _ready.Enqueue(node.Index, rank[node.Index]);
        }

        while (_ready.Count > 0 || _running.Count > 0)
        {
            while (_ready.Count > 0 && _running.Count < options.MaxParallelism && !cancellationToken.IsCancellationRequested)
            {
                var index = _ready.Dequeue();
                _running.Add(Launch(graph.Nodes[index], cancellationToken), index);
            }
            if (_running.Count == 0) break;
            var finished = await Task.WhenAny(_running.Keys);
            var node = graph.Nodes[_running[finished]];
            _running.Remove(finished);
            var result = finished.IsCompletedSuccessfully
                ? finished.Result
                : new NodeResult(node.Name, NodeOutcome.Failed, null, 0, TimeSpan.Zero, $"the runtime failed: {finished.Exception!.GetBaseException().Message}", [], []);
            if (!finished.IsCompletedSuccessfully) logger.LogError(finished.Exception, "The runtime failed on step {Node}", node.Name);
            await FinishAsync(node, result, rank);
        }

        // Whatever never started was stopped by cancellation.
        foreach (var node in graph.Nodes.Where(n => selected[n.Index] && results[n.Index] is null))
        {
            results[node.Index] = new NodeResult(node.Name, NodeOutcome.Cancelled, null, 0, TimeSpan.Zero, "the run was cancelled before it started", [], []);
            options.Observer?.NodeFinished(node, results[node.Index]!);
        }
    }

    private async Task<NodeResult> Launch(PipelineNode node, CancellationToken cancellationToken)
    {
        await Task.Yield();
        using var scope = logger.BeginScope("Step {Node}", node.Name);
        var edges = graph.IncomingEdges(node.Index);
        var (inputs, digests) = (new Artifact?[node.Component.Inputs.Length], new string?[node.Component.Inputs.Length]);
        foreach (var edge in edges)
        {
            var producer = results[edge.Source]!;
            var output = producer.Outputs[edge.SourcePort];
            // An absent output (a resolver that found nothing) reaches its consumer as null, and its key as "none".
            inputs[edge.TargetPort] = output.IsAbsent ? null : output;
            digests[edge.TargetPort] = output.IsAbsent ? null : producer.OutputDigests[edge.SourcePort];
        }
        return await launcher.LaunchAsync(node, inputs, digests, cancellationToken);
    }

    private async Task FinishAsync(PipelineNode node, NodeResult result, int[] rank)
    {
        results[node.Index] = result;
        options.Observer?.NodeFinished(node, result);
        if (result.HasOutputs)
        {
            foreach (var edge in graph.OutgoingEdges(node.Index).Where(e => selected[e.Target]))
            {
                if (--_waitingFor[edge.Target] == 0) _ready.Enqueue(edge.Target, rank[edge.Target]);
            }
            return;
        }
        if (result.Outcome == NodeOutcome.Cancelled) return;
        await SkipDescendantsAsync(node, result);
    }

    private async Task SkipDescendantsAsync(PipelineNode origin, NodeResult cause)
    {
        var reason = $"step '{origin.Name}' {cause.Outcome.ToString().ToLowerInvariant()}";
        var stack = new Stack<int>(graph.OutgoingEdges(origin.Index).Select(e => e.Target));
        while (stack.TryPop(out var index))
        {
            if (!selected[index] || results[index] is not null) continue;
            var node = graph.Nodes[index];
            var id = await store.StartExecutionAsync(new NewExecution(runId, node.Name, node.Component.Id, null, 1, []), CancellationToken.None);
            await store.FinishExecutionAsync(id, ExecutionState.Skipped, reason, CancellationToken.None);
            results[index] = new NodeResult(node.Name, NodeOutcome.Skipped, id, 0, TimeSpan.Zero, reason, [], []);
            logger.LogWarning("Step {Node} was skipped: {Reason}", node.Name, reason);
            options.Observer?.NodeFinished(node, results[index]!);
            foreach (var edge in graph.OutgoingEdges(index)) stack.Push(edge.Target);
        }
    }
}
