using System.Collections.Immutable;

namespace Millrace;

/// <summary>The outcome of a run: its state and what happened to each step it touched.</summary>
/// <param name="RunId">The run's id in the metadata store.</param>
/// <param name="Pipeline">The pipeline's name.</param>
/// <param name="State">How the run ended.</param>
/// <param name="Nodes">The steps the run selected or reused, in topological order.</param>
/// <param name="Duration">Wall time of the whole run.</param>
public sealed record RunResult(string RunId, string Pipeline, RunState State, ImmutableArray<NodeResult> Nodes, TimeSpan Duration)
{
    /// <summary>The result of a step by name.</summary>
    /// <exception cref="KeyNotFoundException">The run did not touch a step with this name.</exception>
    public NodeResult this[string node] =>
        Nodes.FirstOrDefault(n => n.Node == node) ?? throw new KeyNotFoundException($"Run '{RunId}' has no result for step '{node}'.");

    /// <summary>How many steps ended with an outcome.</summary>
    public int Count(NodeOutcome outcome) => Nodes.Count(n => n.Outcome == outcome);
}
