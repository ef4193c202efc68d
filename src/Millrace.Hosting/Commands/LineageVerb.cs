using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace Millrace.Hosting;

/// <summary><c>lineage &lt;artifact-id&gt; [--direction upstream|downstream|both]</c>.</summary>
internal static class LineageVerb
{
    public static Command Create(IServiceProvider services, MillraceConsole console)
    {
        var artifact = new Argument<long>("artifact-id") { Description = "The artifact, as `runs show` lists it (the number after #)." };
        var direction = new Option<string>("--direction") { Description = "upstream (what it was made from), downstream (what was made from it) or both (default).", DefaultValueFactory = _ => "both" };
        direction.AcceptOnlyFromAmong("upstream", "downstream", "both");
        var command = new Command("lineage", "Shows where an artifact came from and what was made from it.") { artifact, direction };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var store = services.GetRequiredService<IMetadataStore>();
            var id = parsed.GetValue(artifact);
            var record = await store.GetArtifactAsync(id, cancellationToken)
                ?? throw new MillraceException($"Unknown artifact {id}; `runs show <run-id>` lists the artifacts of a run.");
            await console.Out.WriteLineAsync($"#{record.Id} {record.TypeName} ({RunsVerb.Lower(record.State)}) {record.Uri}");
            var which = parsed.GetValue(direction);
            if (which is "upstream" or "both") await WriteAsync(console, await store.GetLineageAsync(id, LineageDirection.Upstream, cancellationToken));
            if (which is "downstream" or "both") await WriteAsync(console, await store.GetLineageAsync(id, LineageDirection.Downstream, cancellationToken));
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task WriteAsync(MillraceConsole console, Lineage lineage)
    {
        var upstream = lineage.Direction == LineageDirection.Upstream;
        await console.Out.WriteLineAsync(upstream ? "made by:" : "used by:");
        if (lineage.Executions.IsEmpty) await console.Out.WriteLineAsync("  (nothing)");
        var types = lineage.Artifacts.ToDictionary(a => a.Id, a => a.TypeName[(a.TypeName.LastIndexOf('.') + 1)..]);
        foreach (var execution in lineage.Executions)
        {
            var events = lineage.Events.Where(e => e.ExecutionId == execution.Id).ToList();
            string Ports(EventKind kind) => string.Join(", ", events.Where(e => e.Kind == kind).DistinctBy(e => e.ArtifactId)
                .Select(e => $"{e.Port} #{e.ArtifactId}" + (types.TryGetValue(e.ArtifactId, out var t) ? $" {t}" : "")));
            await console.Out.WriteLineAsync(
                $"  {execution.Node} (execution {execution.Id}, run {execution.RunId}, {RunsVerb.Lower(execution.State)})" +
                (upstream ? $" from [{Ports(EventKind.Input)}]" : $" made [{Ports(EventKind.Output)}]"));
        }
    }
}
