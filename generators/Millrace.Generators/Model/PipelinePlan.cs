namespace Millrace.Generators.Model;

/// <summary>A parsed pipeline with its graph analysed: resolved edges, a topological order and layers.</summary>
/// <param name="TopologicalOrder">Step indices, producers first, ties in declaration order; empty when cyclic.</param>
/// <param name="Layers">Each step's layer: 0 without inputs, else one more than its deepest producer.</param>
/// <param name="Diagnostics">The parser's diagnostics and the analysis's (cycles, unconsumed outputs).</param>
internal sealed record PipelinePlan(
    PipelineModel Model,
    EquatableArray<EdgeModel> Edges,
    EquatableArray<int> TopologicalOrder,
    EquatableArray<int> Layers,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>True when the generated file would compile: no error was found.</summary>
    public bool IsEmittable => Model.IsEmittable && TopologicalOrder.Count == Model.Steps.Count;
}

/// <summary>A resolved port-to-port edge, by step and port index.</summary>
internal sealed record EdgeModel(int Source, int SourcePort, int Target, int TargetPort);

/// <summary>What parsing one component gave: a model to emit (null when it cannot be) and diagnostics.</summary>
internal sealed record ComponentResult(ComponentModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
