namespace Millrace.Components.Tests;

/// <summary>The shared data sets beside the repository (../shared/data).</summary>
public static class SharedData
{
    public static string Path(params string[] parts)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Framework.sln"))) directory = directory.Parent;
        if (directory is null) throw new InvalidOperationException($"No Framework.sln above {AppContext.BaseDirectory}.");
        return System.IO.Path.Combine([directory.FullName, "..", "shared", "data", .. parts]);
    }

    public static string Taxi => Path("taxi", "taxi_big_tipper_label.csv");

    public static string PenguinsLabelled => Path("penguins", "penguins_labelled.csv");

    public static string PenguinsSkewed => Path("penguins", "penguins_skewed.csv");
}
