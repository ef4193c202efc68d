namespace Millrace;

/// <summary>Whether an artifact's files may be consumed.</summary>
public enum ArtifactState
{
    /// <summary>Published atomically and complete: its files are in place and match its digest.</summary>
    Live = 1,

    /// <summary>Its files were found missing or changed after publication; it is never reused from the cache.</summary>
    Lost = 2,
}

/// <summary>Where an execution of a step stands.</summary>
public enum ExecutionState
{
    /// <summary>Started and not finished (or its process died: see <see cref="Abandoned"/>).</summary>
    Running = 1,

    /// <summary>Ran and published its outputs.</summary>
    Succeeded = 2,

    /// <summary>Reused the outputs of an earlier execution with the same cache key.</summary>
    Cached = 3,

    /// <summary>The component threw; the error is recorded.</summary>
    Failed = 4,

    /// <summary>Stopped by cancellation (Ctrl+C) before it finished.</summary>
    Cancelled = 5,

    /// <summary>Not run because a step it depends on did not produce outputs.</summary>
    Skipped = 6,

    /// <summary>Not run because an input artifact carries a blocking reason.</summary>
    Blocked = 7,

    /// <summary>Was running in a process that died (for example killed) before it finished.</summary>
    Abandoned = 8,
}

/// <summary>Where a run of a pipeline stands.</summary>
public enum RunState
{
    /// <summary>In progress.</summary>
    Running = 1,

    /// <summary>Every selected step succeeded, was cached or was blocked by a validation result.</summary>
    Succeeded = 2,

    /// <summary>At least one step failed.</summary>
    Failed = 3,

    /// <summary>Cancelled before it finished.</summary>
    Cancelled = 4,

    /// <summary>Its process died before it finished.</summary>
    Abandoned = 5,
}

/// <summary>How an artifact took part in an execution.</summary>
public enum EventKind
{
    /// <summary>The execution read the artifact.</summary>
    Input = 1,

    /// <summary>The execution produced (or, when cached, reused) the artifact.</summary>
    Output = 2,

    /// <summary>
    /// The execution handed on, as its output, an artifact another execution made: a resolver step that looked it up
    /// in the store (<see cref="ComponentContext.ResolveOutputAsync"/>). Lineage does not count it as a producer.
    /// </summary>
    ResolvedOutput = 3,
}

/// <summary>Which way a lineage query walks from an artifact.</summary>
public enum LineageDirection
{
    /// <summary>What produced the artifact, and from what, back to the sources.</summary>
    Upstream = 1,

    /// <summary>What was made from the artifact, forward to the last consumers.</summary>
    Downstream = 2,
}
