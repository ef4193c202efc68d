using System.Collections.Immutable;

namespace Millrace;

/// <summary>How a <see cref="LocalRunner"/> runs a pipeline once.</summary>
public sealed record RunOptions
{
    /// <summary>The most steps that run at the same time; at least 1. Defaults to the number of processors.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>False to run every selected step even when an earlier execution with the same cache key is reusable.</summary>
    public bool UseCache { get; init; } = true;

    /// <summary>Steps (by name) that always run, even when the cache could serve them.</summary>
    public ImmutableHashSet<string> UncachedSteps { get; init; } = [];

    /// <summary>Which steps to run; all by default.</summary>
    public NodeSelection Selection { get; init; } = NodeSelection.All;

    /// <summary>Retry policies by step name; they override a component's own <see cref="IRetryableComponent"/> policy.</summary>
    public ImmutableDictionary<string, RetryPolicy> Retries { get; init; } = ImmutableDictionary<string, RetryPolicy>.Empty;

    /// <summary>The run's id, unique in the store; a time-ordered random id when <see langword="null"/>.</summary>
    public string? RunId { get; init; }

    /// <summary>Receives progress as the run goes, or <see langword="null"/>.</summary>
    public IRunObserver? Observer { get; init; }

    /// <summary>Throws when the options do not fit the pipeline.</summary>
    /// <exception cref="MillraceException">A value is out of range or a step name is unknown; the message says which.</exception>
    public void Validate(PipelineGraph graph)
    {
        if (MaxParallelism < 1) throw new MillraceException($"MaxParallelism is {MaxParallelism}; it must be at least 1.");
        foreach (var step in UncachedSteps) RequireStep(graph, step, "disables the cache for");
        foreach (var (step, policy) in Retries)
        {
            RequireStep(graph, step, "sets a retry policy for");
            policy.Validate(step);
        }
    }

    private static void RequireStep(PipelineGraph graph, string step, string what)
    {
        if (graph.FindNode(step) is null)
            throw new MillraceException($"The run {what} step '{step}', which pipeline '{graph.Name}' does not have; its steps are: {string.Join(", ", graph.Nodes.Select(n => n.Name))}.");
    }
}
