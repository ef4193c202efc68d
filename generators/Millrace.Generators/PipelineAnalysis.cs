using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Millrace.Generators.Model;

namespace Millrace.Generators;

/// <summary>
/// The graph-wide checks and computations of a pipeline: resolving wiring into edges, finding cycles (MR0001),
/// a deterministic topological order and layers, and steps whose outputs nothing consumes (MR0013). Pure
/// functions over the model, so that this stage caches on model equality.
/// </summary>
internal static class PipelineAnalysis
{
    public static PipelinePlan Analyze(PipelineModel model)
    {
        var steps = model.Steps;
        var indexOf = new Dictionary<string, int>();
        for (var i = 0; i < steps.Count; i++) indexOf[steps[i].Name] = i;

        var edges = new List<EdgeModel>();
        var edgeLocations = new Dictionary<(int Source, int Target), LocationInfo>();
        for (var target = 0; target < steps.Count; target++)
        {
            var inputs = steps[target].Inputs;
            for (var port = 0; port < inputs.Count; port++)
            {
                var wiring = inputs[port];
                if (wiring.SourceStep is null || !indexOf.TryGetValue(wiring.SourceStep, out var source)) continue;
                var sourcePort = IndexOfOutput(steps[source], wiring.SourcePort!);
                if (sourcePort < 0) continue;
                edges.Add(new EdgeModel(source, sourcePort, target, port));
                if (!edgeLocations.ContainsKey((source, target))) edgeLocations[(source, target)] = wiring.Location!;
            }
        }

        var diagnostics = model.Diagnostics.ToList();
        var successors = Successors(steps.Count, edges);
        var cycles = FindCycles(successors);
        foreach (var cycle in cycles)
        {
            var path = string.Join(" → ", cycle.Select(i => steps[i].Name));
            var closing = edgeLocations[(cycle[cycle.Count - 2], cycle[cycle.Count - 1])];
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.Cycle, closing, model.Name, path));
        }

        // An unconsumed step is often the echo of a wiring error already reported; the warning waits until they are fixed.
        var hasWiringErrors = model.Diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);
        for (var i = 0; i < steps.Count && !hasWiringErrors; i++)
        {
            if (!steps[i].IsSink && steps[i].Outputs.Count > 0 && successors[i].Count == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnconsumedStep, steps[i].NameLocation, steps[i].Name));
            }
        }

        var order = cycles.Count == 0 ? TopologicalOrder(steps.Count, edges) : [];
        var layers = new int[steps.Count];
        foreach (var node in order)
        {
            foreach (var edge in edges.Where(e => e.Target == node))
            {
                layers[node] = System.Math.Max(layers[node], layers[edge.Source] + 1);
            }
        }
        return new PipelinePlan(model, edges.ToEquatableArray(), order.ToEquatableArray(), layers.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    private static int IndexOfOutput(StepModel step, string port)
    {
        for (var i = 0; i < step.Outputs.Count; i++)
        {
            if (step.Outputs[i].Name == port) return i;
        }
        return -1;
    }

    private static List<int>[] Successors(int count, List<EdgeModel> edges)
    {
        var successors = new List<int>[count];
        for (var i = 0; i < count; i++) successors[i] = [];
        foreach (var edge in edges)
        {
            if (!successors[edge.Source].Contains(edge.Target)) successors[edge.Source].Add(edge.Target);
        }
        return successors;
    }

    /// <summary>
    /// Each cycle once, as the path of step indices in data-flow order that returns to its start, found by a
    /// depth-first walk from steps in declaration order. The last hop is the edge that closes the cycle.
    /// </summary>
    private static List<List<int>> FindCycles(List<int>[] successors)
    {
        var cycles = new List<List<int>>();
        var state = new byte[successors.Length]; // 0 unseen, 1 on the current path, 2 done
        var path = new List<int>();
        for (var start = 0; start < successors.Length; start++)
        {
            if (state[start] == 0) Visit(start);
        }
        return cycles;

        void Visit(int node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in successors[node])
            {
                if (state[next] == 1)
                {
                    var cycle = path.Skip(path.IndexOf(next)).ToList();
                    cycle.Add(next);
                    cycles.Add(cycle);
                }
                else if (state[next] == 0)
                {
                    Visit(next);
                }
            }
            path.RemoveAt(path.Count - 1);
            state[node] = 2;
        }
    }

    /// <summary>Kahn's algorithm taking the ready step declared first, so the order is stable under edits elsewhere.</summary>
    private static List<int> TopologicalOrder(int count, List<EdgeModel> edges)
    {
        var pending = new int[count];
        var consumers = new List<int>[count];
        for (var i = 0; i < count; i++) consumers[i] = [];
        foreach (var edge in edges.Select(e => (e.Source, e.Target)).Distinct())
        {
            pending[edge.Target]++;
            consumers[edge.Source].Add(edge.Target);
        }
        var ready = new SortedSet<int>(Enumerable.Range(0, count).Where(i => pending[i] == 0));
        var order = new List<int>(count);
        while (ready.Count > 0)
        {
            var next = ready.Min;
            ready.Remove(next);
            order.Add(next);
            foreach (var consumer in consumers[next])
            {
                if (--pending[consumer] == 0) ready.Add(consumer);
            }
        }
        return order;
    }
}
