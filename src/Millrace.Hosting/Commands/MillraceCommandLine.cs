using System.CommandLine;

namespace Millrace.Hosting;

/// <summary>
/// The verbs of a Millrace program: <c>run</c>, <c>graph</c>, <c>runs list|show</c> and <c>lineage</c>. A user's
/// mistake (a bad option, an unknown pipeline, step, run or artifact) prints one line starting with <c>error:</c>
/// and exits non-zero, without a stack trace.
/// </summary>
internal sealed class MillraceCommandLine(IServiceProvider services, MillraceConsole console)
{
    public async Task<int> InvokeAsync(string[] args, CancellationToken cancellationToken)
    {
        var root = new RootCommand("Runs and inspects Millrace pipelines.")
        {
            RunVerb.Create(services, console),
            GraphVerb.Create(services, console),
            RunsVerb.Create(services, console),
            LineageVerb.Create(services, console),
        };
        var parsed = root.Parse(ConfigurationArguments.WithoutOverrides(args));
        if (parsed.Errors.Count > 0)
        {
            // Some parser messages list choices on further lines; a user's mistake gets one line.
            var message = string.Join(" ", parsed.Errors[0].Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            await console.Error.WriteLineAsync($"error: {message} (see --help)");
            return ExitCodes.UsageError;
        }
        try
        {
            var configuration = new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
                // The host's console lifetime owns Ctrl+C and cancels the token given here.
                ProcessTerminationTimeout = null,
            };
            return await parsed.InvokeAsync(configuration, cancellationToken);
        }
        catch (MillraceException e)
        {
            await console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.RunFailed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync("cancelled");
            return ExitCodes.Cancelled;
        }
    }
}
