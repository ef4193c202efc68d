using Microsoft.Extensions.Configuration;

namespace Millrace.TestApp;

/// <summary>Imports a CSV file (<c>Files:InputPath</c>), profiles it, validates its size and reports.</summary>
[Pipeline("files")]
public sealed partial class FilesPipeline(IConfiguration configuration)
{
    public string InputPath { get; } = configuration["Files:InputPath"] ?? Path.Combine("..", "shared", "data", "penguins", "palmerpenguins.csv");

    public long MinimumRows { get; } = configuration.GetValue("Files:MinimumRows", 10L);

    public ImportText Import => new() { InputPath = InputPath };

    public LineStatistics Statistics => new() { Examples = Import.Examples };

    public MinimumRows Check => new() { Examples = Import.Examples, Minimum = MinimumRows };

    public Report Report => new() { Statistics = Statistics.Statistics, Anomalies = Check.Anomalies };
}
