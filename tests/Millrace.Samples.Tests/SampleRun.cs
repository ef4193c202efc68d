using System.Diagnostics;

namespace Millrace.Samples.Tests;

/// <summary>
/// Runs a sample as the README does (`dotnet run ... -- run` from the repository root), as a real child process,
/// with its pipeline root in a temporary folder.
/// </summary>
internal sealed record SampleRun(int ExitCode, string Out, string Error)
{
    public static async Task<SampleRun> StartAsync(string sample, params string[] args)
    {
        var pipelineRoot = Directory.CreateTempSubdirectory("millrace-sample-").FullName;
        try
        {
            return await StartInAsync(pipelineRoot, sample, args);
        }
        finally
        {
            Directory.Delete(pipelineRoot, recursive: true);
        }
    }

    /// <summary>Runs a sample with a pipeline root the caller keeps, so that a second run finds the first's store.</summary>
    public static async Task<SampleRun> StartInAsync(string pipelineRoot, string sample, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, sample + ".dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.ArgumentList.Add($"--Millrace:PipelineRoot={pipelineRoot}");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return new SampleRun(process.ExitCode, await output, await error);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Framework.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"No Framework.sln above {AppContext.BaseDirectory}.");
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
