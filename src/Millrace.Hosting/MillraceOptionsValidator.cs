using Microsoft.Extensions.Options;

namespace Millrace.Hosting;

/// <summary>Checks <see cref="MillraceOptions"/> at start, naming each bad setting by its configuration key.</summary>
internal sealed class MillraceOptionsValidator : IValidateOptions<MillraceOptions>
{
    public ValidateOptionsResult Validate(string? name, MillraceOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.PipelineRoot))
            failures.Add("Millrace:PipelineRoot is empty; set it to the directory for artifacts and metadata.db.");
        else if (options.PipelineRoot.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            failures.Add($"Millrace:PipelineRoot '{options.PipelineRoot}' is not a valid path.");
        if (options.MaxParallelism is < 1 or > 256)
            failures.Add($"Millrace:MaxParallelism is {options.MaxParallelism}; it must be between 1 and 256.");
        foreach (var (step, retry) in options.Retries)
        {
            if (retry.MaxAttempts < 1)
                failures.Add($"Millrace:Retries:{step}:MaxAttempts is {retry.MaxAttempts}; it must be at least 1.");
            if (retry.InitialDelay < TimeSpan.Zero)
                failures.Add($"Millrace:Retries:{step}:InitialDelay is negative.");
            if (!(retry.BackoffFactor >= 1))
                failures.Add($"Millrace:Retries:{step}:BackoffFactor is {retry.BackoffFactor}; it must be at least 1.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
