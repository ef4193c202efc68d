using System.Diagnostics;
using Millrace.Compute.IO;

namespace Millrace.Training.Bench;

/// <summary>
/// Times the Transform analyzers over flights-3m (z-score and min-max moments, quantile boundaries, vocabularies),
/// the statistics pandas computes with describe(), quantile() and nunique(); the CSV read is timed apart, as
/// pandas_stats.py times read_csv apart.
/// </summary>
internal static class FlightsAnalyzers
{
    private static readonly FeatureSet Features = new(LabelSpec.Regression("delay"),
    [
        Feature.Numeric("distance").ZScore(),
        Feature.Numeric("distance").MinMax() with { Name = "distance_min_max" },
        Feature.Bucketize("distance", 10),
        Feature.Vocabulary("origin", topK: 100),
        Feature.Vocabulary("destination", topK: 100),
    ]);

    public static void Run(string data, int repeats, Action<object> emit)
    {
        var clock = Stopwatch.StartNew();
        var table = CsvColumnReader.ReadAll(Path.Combine(data, "flights", "flights-3m.csv"));
        double read = clock.Elapsed.TotalSeconds;
        var analyzer = new TransformAnalyzer();
        analyzer.Fit(Features, table);
        for (int r = 0; r < repeats; r++)
        {
            clock.Restart();
            var raw = RawTable.From(table);
            double convert = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var fitted = analyzer.Fit(Features, raw);
            double fit = clock.Elapsed.TotalSeconds;
            emit(new { task = "flights_3m_transform_analyzers", rows = table.RowCount, read_csv_s = Math.Round(read, 3), to_raw_s = Math.Round(convert, 3), analyzers_s = Math.Round(fit, 3), features = fitted.Features.Length });
        }
    }
}
