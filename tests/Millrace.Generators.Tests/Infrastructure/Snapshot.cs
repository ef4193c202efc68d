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
    public static void Match(string name, string actual)
    {
        var path = Path.Combine(Directory, name);
        if (Environment.GetEnvironmentVariable("MILLRACE_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"No snapshot {path}. Create it with MILLRACE_UPDATE_SNAPSHOTS=1 and review it.");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    /// <summary>
    /// The checked-in folder, found from the test's own location by walking up to the repository root. (Caller
    /// file paths do not do: deterministic CI builds map them to '/_/'.)
    /// </summary>
    private static string Directory
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Framework.sln")))
                    return Path.Combine(folder.FullName, "tests", "Millrace.Generators.Tests", "Snapshots");
            }
            throw new InvalidOperationException($"No Framework.sln above {AppContext.BaseDirectory}.");
        }
    }
}
