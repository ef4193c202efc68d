using Microsoft.Extensions.Configuration;

namespace Millrace.Samples.Taxi;

/// <summary>The Chicago taxi pipeline: import the trips, profile them, and gate on their size.</summary>
/// <param name="configuration">Reads <c>Taxi:DataPath</c>, the taxi CSV to import.</param>
[Pipeline("chicago-taxi")]
public sealed partial class TaxiPipeline(IConfiguration configuration)
{
    /// <summary>
    /// Where the taxi CSV is: <c>Taxi:DataPath</c> from configuration, else the shared data folder beside the
    /// repository (the sample runs from the repository root).
    /// </summary>
    public string DataPath => configuration["Taxi:DataPath"] ?? Path.Combine("..", "shared", "data", "taxi", "taxi_big_tipper_label.csv");

    public CsvImport ExampleGen => new() { InputPath = DataPath };

    public ColumnProfile Statistics => new() { Examples = ExampleGen.Examples, MaxColumns = 32 };

    [Sink]
    public RowCountGate Validator => new() { Examples = ExampleGen.Examples, Statistics = Statistics.Statistics, MinimumRows = 1000 };
}
