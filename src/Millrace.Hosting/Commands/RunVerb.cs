using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Millrace.Hosting;

/// <summary><c>run [pipeline] [--from S] [--to S] [--only S…] [--no-cache] [--no-cache-for S…] [--parallelism N] [--run-id ID]</c>.</summary>
internal static class RunVerb
{
    public static Command Create(IServiceProvider services, MillraceConsole console)
    {
        var pipeline = new Argument<string?>("pipeline") { Description = "The pipeline to run; optional when the program has one.", Arity = ArgumentArity.ZeroOrOne };
        var from = new Option<string?>("--from") { Description = "Run this step and everything downstream of it." };
        var to = new Option<string?>("--to") { Description = "Run this step and everything upstream of it." };
        var only = new Option<string[]>("--only") { Description = "Run exactly these steps.", AllowMultipleArgumentsPerToken = true };
        var noCache = new Option<bool>("--no-cache") { Description = "Run every selected step even when the cache could serve it." };
        var noCacheFor = new Option<string[]>("--no-cache-for") { Description = "Run these steps even when the cache could serve them.", AllowMultipleArgumentsPerToken = true };
        var parallelism = new Option<int?>("--parallelism", "-j") { Description = "The most steps that run at once (overrides Millrace:MaxParallelism)." };
        var runId = new Option<string?>("--run-id") { Description = "The run's id; a new time-ordered id by default." };
        var command = new Command("run", "Runs a pipeline, reusing cached steps.") { pipeline, from, to, only, noCache, noCacheFor, parallelism, runId };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var settings = services.GetRequiredService<IOptions<MillraceOptions>>().Value;
            var instance = services.GetRequiredService<PipelineCatalog>().Create(parsed.GetValue(pipeline));
            var options = new RunOptions
            {
                MaxParallelism = parsed.GetValue(parallelism) ?? settings.MaxParallelism,
                UseCache = settings.UseCache && !parsed.GetValue(noCache),
                UncachedSteps = [.. parsed.GetValue(noCacheFor) ?? []],
                Selection = new NodeSelection { From = parsed.GetValue(from), To = parsed.GetValue(to), Only = [.. parsed.GetValue(only) ?? []] },
                Retries = settings.Retries.ToImmutableDictionary(r => r.Key, r => r.Value.ToPolicy()),
                RunId = parsed.GetValue(runId),
                Observer = console.IsInteractive ? new TerminalProgress(console.Error) : null,
            };
            var result = await services.GetRequiredService<LocalRunner>().RunAsync(instance, options, cancellationToken);
            await ReportAsync(console, result);
            return result.State switch
            {
                RunState.Succeeded => ExitCodes.Success,
                RunState.Cancelled => ExitCodes.Cancelled,
                _ => ExitCodes.RunFailed,
            };
        });
        return command;
    }

    private static async Task ReportAsync(MillraceConsole console, RunResult result)
    {
        foreach (var node in result.Nodes.Where(n => n.Outcome == NodeOutcome.Failed))
            await console.Error.WriteLineAsync($"error: step '{node.Node}' failed: {node.Message}");
        foreach (var node in result.Nodes.Where(n => n.Outcome == NodeOutcome.Blocked))
            await console.Out.WriteLineAsync($"step '{node.Node}' did not run: {node.Message}");
        var counts = string.Join(", ", Enum.GetValues<NodeOutcome>()
            .Select(outcome => (outcome, count: result.Count(outcome)))
            .Where(c => c.count > 0)
            .Select(c => $"{c.count} {c.outcome.ToString().ToLowerInvariant()}"));
        await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Run {result.RunId} of {result.Pipeline} {result.State.ToString().ToLowerInvariant()} in {result.Duration.TotalSeconds:0.00} s: {counts}"));
    }
}
