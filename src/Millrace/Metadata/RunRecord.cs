namespace Millrace;

/// <summary>A run of a pipeline (a run context, in ML Metadata's terms).</summary>
/// <param name="RunId">The run's id, unique in the store.</param>
/// <param name="Pipeline">The pipeline's name (its pipeline context).</param>
/// <param name="State">Where it stands.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="FinishedAt">When it finished, or <see langword="null"/>.</param>
/// <param name="Host">The machine that ran it.</param>
/// <param name="ProcessId">The operating-system process that ran it.</param>
public sealed record RunRecord(
    string RunId,
    string Pipeline,
    RunState State,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string Host,
    int ProcessId);
