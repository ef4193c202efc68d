using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Millrace.Training.Tests;

/// <summary>
/// A training killed for real: the test app trains in a child process, gets SIGKILL once a checkpoint is on disk,
/// and a rerun of the same command resumes there and ends with the weights of a run that was never interrupted.
/// </summary>
public sealed partial class ResumeAfterKillTests(ITestOutputHelper output)
{
    private const string Pipeline = "resume-training";
    private const int Epochs = 20;
    private static readonly string App = Path.Combine(AppContext.BaseDirectory, "Millrace.Training.TestApp.dll");

    [Fact]
    public async Task A_training_killed_after_a_checkpoint_resumes_there_on_rerun_and_ends_with_the_weights_of_an_uninterrupted_run()
    {
        var killedRoot = Directory.CreateTempSubdirectory("millrace-resume-killed-").FullName;
        var cleanRoot = Directory.CreateTempSubdirectory("millrace-resume-clean-").FullName;
        try
        {
            // The uninterrupted run goes on beside the killed one; they share nothing but the data.
            var uninterrupted = RunToEndAsync(cleanRoot);

            var (child, error) = Start(killedRoot);
            using (child)
            {
                var pointer = await WaitForCheckpointAsync(child, error, killedRoot, TimeSpan.FromSeconds(90));
                child.Kill();
                await child.WaitForExitAsync();
                Assert.True(File.Exists(pointer), "the checkpoint is gone: the training ended before the kill");
            }
            var committed = CommittedEpoch(killedRoot);
            await using (var store = SqliteMetadataStore.OpenInRoot(killedRoot))
                Assert.Null(await store.FindLatestPublishedAsync(Pipeline, "Trainer"));
            output.WriteLine($"killed with epoch {committed} of {Epochs} committed");
            Assert.InRange(committed, 1, Epochs - 1);

            var rerun = await RunToEndAsync(killedRoot);
            var clean = await uninterrupted;

            output.WriteLine(string.Join("\n", rerun.Error.Split('\n').Where(l => l.Contains("Step Trainer"))));
            output.WriteLine(string.Join("\n", clean.Error.Split('\n').Where(l => l.Contains("Step Trainer"))));
            var resumed = ResumedLine().Match(rerun.Error);
            Assert.True(resumed.Success, rerun.Error);
            Assert.Equal(committed, int.Parse(resumed.Groups["epoch"].Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.DoesNotMatch(ResumedLine(), clean.Error);
            Assert.False(Directory.EnumerateFileSystemEntries(Path.Combine(killedRoot, ".checkpoints")).Any(), "the checkpoint outlived the training");

            var (resumedModel, cleanModel) = (await ModelOfAsync(killedRoot), await ModelOfAsync(cleanRoot));
            Assert.Equal(Epochs.ToString(System.Globalization.CultureInfo.InvariantCulture), resumedModel.Properties["epochs_run"]);
            Assert.Equal(File.ReadAllBytes(Path.Combine(cleanModel.Uri, ModelManifest.WeightsFileName)),
                File.ReadAllBytes(Path.Combine(resumedModel.Uri, ModelManifest.WeightsFileName)));
            Assert.Equal(cleanModel.Digest, resumedModel.Digest);
        }
        finally
        {
            Directory.Delete(killedRoot, recursive: true);
            Directory.Delete(cleanRoot, recursive: true);
        }
    }

    /// <summary>
    /// Polls for the checkpoint pointer the trainer commits after each epoch, and returns its path. Polling the file
    /// (not a fixed sleep) is what makes the kill land after a checkpoint and, with many short epochs, before the end.
    /// </summary>
    private static async Task<string> WaitForCheckpointAsync(Process child, StringBuilder error, string root, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var checkpoints = Path.Combine(root, ".checkpoints");
        while (clock.Elapsed < timeout)
        {
            if (Directory.Exists(checkpoints)
                && Directory.EnumerateFiles(checkpoints, "latest", SearchOption.AllDirectories).FirstOrDefault() is { } pointer)
                return pointer;
            if (child.HasExited)
            {
                await child.WaitForExitAsync();
                lock (error) throw new InvalidOperationException($"The training exited with {child.ExitCode} before its first checkpoint:\n{error}");
            }
            await Task.Delay(2);
        }
        throw new TimeoutException($"No checkpoint under {checkpoints} after {timeout}.");
    }

    /// <summary>The epoch the last committed checkpoint resumes at: its pointer names the folder <c>epoch-NNNNN</c>.</summary>
    private static int CommittedEpoch(string root)
    {
        var pointer = Directory.EnumerateFiles(Path.Combine(root, ".checkpoints"), "latest", SearchOption.AllDirectories).Single();
        return int.Parse(File.ReadAllText(pointer).Trim()["epoch-".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<ArtifactRecord> ModelOfAsync(string root)
    {
        await using var store = SqliteMetadataStore.OpenInRoot(root);
        var trainer = await store.FindLatestPublishedAsync(Pipeline, "Trainer");
        Assert.NotNull(trainer);
        return trainer.Outputs[0];
    }

    /// <summary>
    /// The test app running the pipeline in a pipeline root; both outputs are drained so that a full pipe never blocks
    /// it, and standard error is kept for the failure message.
    /// </summary>
    private static (Process Process, StringBuilder Error) Start(string root)
    {
        var process = Process.Start(StartInfo(root))!;
        var error = new StringBuilder();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) => { lock (error) error.AppendLine(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, error);
    }

    private static async Task<(string Out, string Error)> RunToEndAsync(string root)
    {
        using var process = Process.Start(StartInfo(root))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        var result = (await output, await error);
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{result.Item1}\n{result.Item2}");
        return result;
    }

    private static ProcessStartInfo StartInfo(string root)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { App, "run", Pipeline, $"--Millrace:PipelineRoot={root}", $"--Resume:DataPath={SharedData.PathOf("penguins/penguins_labelled.csv")}" })
            start.ArgumentList.Add(arg);
        return start;
    }

    [GeneratedRegex(@"resumed at epoch (?<epoch>\d+) of \d+ from the checkpoint")]
    private static partial Regex ResumedLine();
}
