namespace Millrace;

/// <summary>How a step ended in a run.</summary>
public enum NodeOutcome
{
    /// <summary>Ran and published its outputs.</summary>
    Succeeded = 1,

    /// <summary>Reused the outputs of an earlier execution with the same cache key.</summary>
    Cached = 2,

    /// <summary>Not selected by a partial run; its latest published outputs fed the selected steps.</summary>
    Reused = 3,

    /// <summary>Threw on its last attempt.</summary>
    Failed = 4,

    /// <summary>Not run because a step it depends on did not produce outputs.</summary>
    Skipped = 5,

    /// <summary>Not run because an input artifact carries a blocking reason.</summary>
    Blocked = 6,

    /// <summary>Stopped or never started because the run was cancelled.</summary>
    Cancelled = 7,
}
