using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Millrace.Hosting.Tests;

/// <summary>Starts the test app as a real child process, the way a user or a container runs a Millrace program.</summary>
public sealed partial class ChildProcess : IDisposable
{
    private static readonly string App = Path.Combine(AppContext.BaseDirectory, "Millrace.TestApp.dll");
    private readonly Process _process;
    private readonly Task<string> _out;
    private readonly Task<string> _error;
    private readonly System.Text.StringBuilder _errorSoFar = new();

    private ChildProcess(Process process)
    {
        _process = process;
        _out = process.StandardOutput.ReadToEndAsync();
        _error = ReadErrorAsync();
    }

    /// <summary>Waits until standard error has a line matching the pattern (log lines tell where a run is).</summary>
    public async Task WaitForErrorLineAsync(string pattern, TimeSpan timeout)
    {
        var regex = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.Multiline);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            lock (_errorSoFar)
            {
                if (regex.IsMatch(_errorSoFar.ToString())) return;
            }
            if (_process.HasExited)
            {
                var outcome = await WaitAsync(TimeSpan.FromSeconds(5));
                throw new InvalidOperationException($"The child exited with {outcome.ExitCode} before printing /{pattern}/:\n{outcome.Out}\n{outcome.Error}");
            }
            await Task.Delay(5);
        }
        throw new TimeoutException($"The child never printed /{pattern}/.");
    }

    private async Task<string> ReadErrorAsync()
    {
        while (await _process.StandardError.ReadLineAsync() is { } line)
        {
            lock (_errorSoFar) _errorSoFar.Append(line).Append('\n');
        }
        lock (_errorSoFar) return _errorSoFar.ToString();
    }

    public static ChildProcess Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(App);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return new ChildProcess(Process.Start(start)!);
    }

    public static async Task<Cli.Outcome> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var child = Start(workingDirectory, environment, args);
        return await child.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async Task<Cli.Outcome> WaitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return new Cli.Outcome(_process.ExitCode, await _out, await _error);
    }

    /// <summary>SIGKILL: the process gets no chance to clean up.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGINT, as Ctrl+C in a terminal sends.</summary>
    public void Interrupt()
    {
        if (SendSignal(_process.Id, 2) != 0) throw new InvalidOperationException($"kill({_process.Id}, SIGINT) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
