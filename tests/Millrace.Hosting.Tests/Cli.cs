using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Millrace.TestApp;

namespace Millrace.Hosting.Tests;

/// <summary>Runs the test app's command line in this process, with its output captured.</summary>
public static class Cli
{
    public sealed record Outcome(int ExitCode, string Out, string Error)
    {
        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static Task<Outcome> RunAsync(string root, params string[] args) => RunAsync(root, interactive: false, args);

    public static async Task<Outcome> RunAsync(string root, bool interactive, params string[] args)
    {
        string[] all = [.. args, $"--Millrace:PipelineRoot={root}", $"--Files:InputPath={Data.Penguins}"];
        var builder = Host.CreateApplicationBuilder(all);
        var (output, error) = (new StringWriter(), new StringWriter());
        builder.AddMillrace().AddPipeline<FilesPipeline>().AddPipeline<ChainPipeline>();
        builder.Services.AddSingleton(new MillraceConsole(output, error, interactive));
        builder.Logging.ClearProviders();
        using var host = builder.Build();
        var code = await host.RunMillraceAsync(all);
        await ((IAsyncDisposable)host.Services).DisposeAsync();
        return new Outcome(code, output.ToString(), error.ToString());
    }
}

/// <summary>The shared data the test app's pipelines read.</summary>
public static class Data
{
    public static string Penguins { get; } = Find(Path.Combine("shared", "data", "penguins", "palmerpenguins.csv"));

    private static string Find(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"No '{relative}' above {AppContext.BaseDirectory}; the tests need the shared data folder beside the repository.");
    }
}
