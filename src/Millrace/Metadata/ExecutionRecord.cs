namespace Millrace;

/// <summary>One execution of a pipeline step as the metadata store records it.</summary>
/// <param name="Id">The execution's id.</param>
/// <param name="RunId">The run it belongs to.</param>
/// <param name="Pipeline">The pipeline's name.</param>
/// <param name="Node">The step's name.</param>
/// <param name="ComponentId">The component's id (see <see cref="ComponentDescriptor.Id"/>).</param>
/// <param name="State">Where it stands.</param>
/// <param name="CacheKey">The cache key, or <see langword="null"/> when the step never got that far.</param>
/// <param name="Attempt">1 for the first try, 2 for the first retry, and so on.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="FinishedAt">When it finished, or <see langword="null"/> while running.</param>
/// <param name="Error">Why it failed, was skipped, blocked or cancelled; otherwise <see langword="null"/>.</param>
public sealed record ExecutionRecord(
    long Id,
    string RunId,
    string Pipeline,
    string Node,
    string ComponentId,
    ExecutionState State,
    string? CacheKey,
    int Attempt,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error)
{
    /// <summary>How long it took, or <see langword="null"/> while running.</summary>
    public TimeSpan? Duration => FinishedAt - StartedAt;
}
