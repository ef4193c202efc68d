using System.Runtime.CompilerServices;

namespace Millrace.Generators.Tests.Infrastructure;

/// <summary>
/// Compares generated text with an expected file checked in under <c>Snapshots/</c>, exactly.
/// </summary>
/// <remarks>
/// Expected files are never accepted automatically. After a deliberate change to the generated code, rewrite them
/// with <c>MILLRACE_UPDATE_SNAPSHOTS=1 dotnet test tests/Millrace.Generators.Tests</c>, then read the diff before
/// committing it: the diff is the review of the change.
/// </remarks>
internal static class Snapshot
{
    public static void Match(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(callerPath)!, "Snapshots", name);
        if (Environment.GetEnvironmentVariable("MILLRACE_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"No snapshot {path}. Create it with MILLRACE_UPDATE_SNAPSHOTS=1 and review it.");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
