namespace Millrace;

/// <summary>
/// Implemented by a component whose failures may be transient (a network fetch, a flaky service) and whose execution
/// is safe to repeat. Without it a step runs once; <see cref="RunOptions.Retries"/> overrides it per step.
/// </summary>
public interface IRetryableComponent
{
    /// <summary>How the runner retries the component when <c>ExecuteAsync</c> throws.</summary>
    RetryPolicy RetryPolicy { get; }
}
