using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace Millrace.Hosting;

/// <summary><c>graph [pipeline] [--format mermaid|dot]</c>: prints the pipeline's graph to standard output.</summary>
internal static class GraphVerb
{
    public static Command Create(IServiceProvider services, MillraceConsole console)
    {
        var pipeline = new Argument<string?>("pipeline") { Description = "The pipeline; optional when the program has one.", Arity = ArgumentArity.ZeroOrOne };
        var format = new Option<string>("--format") { Description = "mermaid (default) or dot.", DefaultValueFactory = _ => "mermaid" };
        format.AcceptOnlyFromAmong("mermaid", "dot");
        var command = new Command("graph", "Prints a pipeline's graph as Mermaid or Graphviz DOT.") { pipeline, format };
        command.SetAction(async parsed =>
        {
            var graph = services.GetRequiredService<PipelineCatalog>().GetGraph(parsed.GetValue(pipeline));
            await console.Out.WriteAsync(parsed.GetValue(format) == "dot" ? graph.ToDot() : graph.ToMermaid());
            return ExitCodes.Success;
        });
        return command;
    }
}
