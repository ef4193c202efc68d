namespace Millrace.Hosting;

/// <summary>
/// Settings of the Millrace host, bound from the <c>Millrace</c> configuration section (appsettings.json,
/// environment variables such as <c>Millrace__PipelineRoot</c>, or <c>--Millrace:PipelineRoot=…</c>) and validated at start.
/// </summary>
public sealed class MillraceOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "Millrace";

    /// <summary>Where artifacts and <c>metadata.db</c> live; relative paths are resolved against the working directory.</summary>
    public string PipelineRoot { get; set; } = ".millrace";

    /// <summary>The most steps a run executes at once (1 to 256).</summary>
    public int MaxParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>False to disable the cache for every run of this host.</summary>
    public bool UseCache { get; set; } = true;

    /// <summary>Retry policies by step name, for steps whose failures may be transient.</summary>
    public Dictionary<string, RetryOptions> Retries { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>A retry policy as configuration spells it; see <see cref="RetryPolicy"/>.</summary>
public sealed class RetryOptions
{
    /// <summary>Attempts in all, at least 1.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The wait before the first retry.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The growth of the wait per retry, at least 1.</summary>
    public double BackoffFactor { get; set; } = 2;

    /// <summary>The longest wait, or <see langword="null"/> for no cap.</summary>
    public TimeSpan? MaxDelay { get; set; }

    /// <summary>The policy these settings describe.</summary>
    public RetryPolicy ToPolicy() => new(MaxAttempts, InitialDelay, BackoffFactor, MaxDelay);
}
