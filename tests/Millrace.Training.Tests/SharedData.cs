namespace Millrace.Training.Tests;

/// <summary>Finds <c>../shared/data</c> beside the repository, whose root holds Framework.sln.</summary>
internal static class SharedData
{
    public static string PathOf(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Framework.sln")))
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data", relative));
        throw new DirectoryNotFoundException($"No Framework.sln above {AppContext.BaseDirectory}: cannot find the shared data.");
    }
}
