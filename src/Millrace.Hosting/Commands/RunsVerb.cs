using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace Millrace.Hosting;

/// <summary><c>runs list [--pipeline P] [--limit N]</c> and <c>runs show &lt;run-id&gt;</c>.</summary>
internal static class RunsVerb
{
    public static Command Create(IServiceProvider services, MillraceConsole console)
    {
        var pipeline = new Option<string?>("--pipeline") { Description = "Only runs of this pipeline." };
        var limit = new Option<int>("--limit") { Description = "How many runs, newest first (default 20).", DefaultValueFactory = _ => 20 };
        var list = new Command("list", "Lists recent runs, newest first.") { pipeline, limit };
        list.SetAction(async (parsed, cancellationToken) =>
        {
            var store = services.GetRequiredService<IMetadataStore>();
            await store.AbandonDeadRunsAsync(cancellationToken);
            var runs = await store.ListRunsAsync(parsed.GetValue(pipeline), parsed.GetValue(limit), cancellationToken);
            var rows = runs.Select(r => new[] { r.RunId, r.Pipeline, Lower(r.State), r.StartedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), Seconds(r.FinishedAt - r.StartedAt) });
            await console.Out.WriteAsync(TextTable.Render(["RUN", "PIPELINE", "STATE", "STARTED", "DURATION"], rows));
            return ExitCodes.Success;
        });

        var runId = new Argument<string>("run-id") { Description = "The run, as `runs list` shows it." };
        var show = new Command("show", "Shows a run's executions and their output artifacts.") { runId };
        show.SetAction(async (parsed, cancellationToken) =>
        {
            var store = services.GetRequiredService<IMetadataStore>();
            var id = parsed.GetValue(runId)!;
            var run = await store.GetRunAsync(id, cancellationToken)
                ?? throw new MillraceException($"Unknown run '{id}'; `runs list` shows the recent ones.");
            await console.Out.WriteLineAsync($"Run {run.RunId} of {run.Pipeline}: {Lower(run.State)}, started {run.StartedAt.ToLocalTime():yyyy-MM-dd HH:mm:ss} on {run.Host} (pid {run.ProcessId})");
            var rows = new List<string[]>();
            foreach (var execution in await store.GetExecutionsAsync(id, cancellationToken))
            {
                var outputs = (await store.GetEventsAsync(execution.Id, cancellationToken)).Where(e => e.Kind is EventKind.Output or EventKind.ResolvedOutput)
                    .Select(e => e.Kind == EventKind.Output ? $"{e.Port}#{e.ArtifactId}" : $"{e.Port}#{e.ArtifactId} (resolved)");
                rows.Add([execution.Id.ToString(CultureInfo.InvariantCulture), execution.Node, Lower(execution.State),
                    execution.Attempt.ToString(CultureInfo.InvariantCulture), Seconds(execution.Duration), string.Join(" ", outputs), execution.Error ?? ""]);
            }
            await console.Out.WriteAsync(TextTable.Render(["EXECUTION", "STEP", "STATE", "ATTEMPT", "DURATION", "OUTPUTS", "MESSAGE"], rows));
            return ExitCodes.Success;
        });
        return new Command("runs", "Lists and shows recorded runs.") { list, show };
    }

    internal static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    internal static string Seconds(TimeSpan? duration) =>
        duration is { } d ? d.TotalSeconds.ToString("0.000 s", CultureInfo.InvariantCulture) : "";
}
