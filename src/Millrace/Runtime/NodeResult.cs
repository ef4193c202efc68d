using System.Collections.Immutable;

namespace Millrace;

/// <summary>What happened to one step in a run.</summary>
/// <param name="Node">The step's name.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="ExecutionId">Its last execution's id in the metadata store, or <see langword="null"/> when none was recorded.</param>
/// <param name="Attempts">How many times its component ran (0 when cached, reused, skipped or blocked).</param>
/// <param name="Duration">Time spent on the step, cache lookup and publishing included.</param>
/// <param name="Message">Why it failed, was skipped, blocked or cancelled; otherwise <see langword="null"/>.</param>
/// <param name="Outputs">Its output artifacts in port order when it succeeded, was cached or reused; otherwise empty.</param>
/// <param name="OutputDigests">The content digests of <paramref name="Outputs"/>.</param>
public sealed record NodeResult(
    string Node,
    NodeOutcome Outcome,
    long? ExecutionId,
    int Attempts,
    TimeSpan Duration,
    string? Message,
    ImmutableArray<Artifact> Outputs,
    ImmutableArray<string> OutputDigests)
{
    /// <summary>True when the step's outputs are available to its dependants.</summary>
    public bool HasOutputs => Outcome is NodeOutcome.Succeeded or NodeOutcome.Cached or NodeOutcome.Reused;
}
