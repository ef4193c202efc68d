namespace Millrace.Benchmarks.Compute;

/// <summary>Finds <c>../shared/data</c> beside the repository (the folder holding Framework.sln).</summary>
public static class SharedDataPath
{
    public static string Of(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Framework.sln")))
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data", relative));
        throw new DirectoryNotFoundException($"No Framework.sln above {AppContext.BaseDirectory}.");
    }
}
