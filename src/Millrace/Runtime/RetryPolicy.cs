namespace Millrace;

/// <summary>
/// How often a step is tried and how long the runner waits between tries: <see cref="InitialDelay"/> before the
/// second attempt, multiplied by <see cref="BackoffFactor"/> for each further one, capped at <see cref="MaxDelay"/>.
/// Each attempt is its own execution in the metadata store.
/// </summary>
/// <param name="MaxAttempts">Attempts in all, at least 1 (1 means no retry).</param>
/// <param name="InitialDelay">The wait before the first retry.</param>
/// <param name="BackoffFactor">The growth of the wait per retry, at least 1.</param>
/// <param name="MaxDelay">The longest wait, or <see langword="null"/> for no cap.</param>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan InitialDelay, double BackoffFactor = 2.0, TimeSpan? MaxDelay = null)
{
    /// <summary>One attempt, no retry: the default for every step.</summary>
    public static RetryPolicy None { get; } = new(1, TimeSpan.Zero);

    /// <summary>The wait before an attempt (2 for the first retry).</summary>
    public TimeSpan DelayBefore(int attempt)
    {
        if (attempt <= 1) return TimeSpan.Zero;
        var delay = InitialDelay * Math.Pow(BackoffFactor, attempt - 2);
        return MaxDelay is { } max && delay > max ? max : delay;
    }

    /// <summary>Throws when the policy cannot be followed.</summary>
    /// <exception cref="MillraceException">A value is out of range; the message names the step.</exception>
    public void Validate(string step)
    {
        if (MaxAttempts < 1) throw new MillraceException($"The retry policy of step '{step}' has MaxAttempts {MaxAttempts}; it must be at least 1.");
        if (InitialDelay < TimeSpan.Zero) throw new MillraceException($"The retry policy of step '{step}' has a negative InitialDelay.");
        if (!(BackoffFactor >= 1)) throw new MillraceException($"The retry policy of step '{step}' has BackoffFactor {BackoffFactor}; it must be at least 1.");
    }
}
