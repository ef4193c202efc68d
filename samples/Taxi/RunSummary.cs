using System.Globalization;
using Millrace.Components.Statistics;
using Millrace.Components.Validation;
using Millrace.Training;

namespace Millrace.Samples.Taxi;

/// <summary>Prints a short summary of the latest statistics, anomalies and evaluation of the taxi pipeline, read back from the metadata store.</summary>
internal static class RunSummary
{
    public static async Task PrintAsync(IMetadataStore store, TextWriter output)
    {
        var pipeline = TaxiPipeline.Graph.Name;
        if (await store.FindLatestPublishedAsync(pipeline, nameof(TaxiPipeline.Statistics)) is { } statistics)
        {
            var model = await StatisticsFile.ReadAsync(statistics.Outputs[0].Uri);
            foreach (var split in model.Splits)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Split {split.Name}: {split.RowCount} rows, {split.Features.Count} features"));
                foreach (var feature in split.Features.Take(split.Name == model.Splits[0].Name ? int.MaxValue : 0))
                    output.WriteLine("  " + Describe(feature));
            }
        }
        if (await store.FindLatestPublishedAsync(pipeline, nameof(TaxiPipeline.Validator)) is { } validator)
        {
            var report = await AnomaliesFile.ReadAsync(validator.Outputs[0].Uri);
            output.WriteLine($"Anomalies: {report.Anomalies.Count} ({report.Blocking.Count()} blocking)");
            foreach (var anomaly in report.Anomalies.Take(12)) output.WriteLine($"  {(anomaly.Blocking ? "!" : "-")} {anomaly}");
            if (report.Anomalies.Count > 12) output.WriteLine($"  … {report.Anomalies.Count - 12} more in {Path.Combine(validator.Outputs[0].Uri, AnomaliesFile.JsonFileName)}");
        }
        await EvaluationSummary.WriteAsync(store, pipeline, nameof(TaxiPipeline.Evaluator), output);
    }

    private static string Describe(FeatureStatistics feature) => feature switch
    {
        { Numeric: { } n } => string.Create(CultureInfo.InvariantCulture,
            $"{feature.Name,-24} {feature.Type,-7} missing {feature.Missing,6}  mean {n.Mean,12:G6}  std {n.StdDev,12:G6}  min {n.Min,10:G6}  median {n.Median,10:G6}  max {n.Max,10:G6}"),
        { String: { } s } => string.Create(CultureInfo.InvariantCulture,
            $"{feature.Name,-24} {feature.Type,-7} missing {feature.Missing,6}  unique {s.Unique,6}  top '{s.TopValues.FirstOrDefault()?.Value}' ({s.TopValues.FirstOrDefault()?.Count})"),
        _ => feature.Name,
    };
}
