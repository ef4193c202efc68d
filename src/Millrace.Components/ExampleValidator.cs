using System.Globalization;
using Microsoft.Extensions.Logging;
using Millrace.Components.Schemas;
using Millrace.Components.Statistics;
using Millrace.Components.Validation;

namespace Millrace.Components;

/// <summary>
/// Validates statistics against a schema into <see cref="ExampleAnomalies"/>: missing and new columns, type
/// mismatches, values out of range, unexpected categorical values, NaN, low presence; skew between two splits or
/// against baseline statistics (training vs serving), and drift against the previous span's statistics, with the
/// thresholds the schema sets. Blocking anomalies set the artifact's blocking reason, so the steps that take it do not run.
/// </summary>
[Component]
public sealed partial class ExampleValidator
{
    [Input] public required ExampleStatistics Statistics { get; init; }

    [Input] public required Schema Schema { get; init; }

    /// <summary>Statistics to compare with: the previous span's (drift) or the training data's (serving skew).</summary>
    [Input(Optional = true)] public ExampleStatistics? Baseline { get; init; }

    /// <summary>Whether <see cref="Baseline"/> is the previous span (drift) or the training data (skew).</summary>
    [Parameter] public AnomalyKind BaselineComparison { get; init; } = AnomalyKind.Drift;

    /// <summary>The split of <see cref="Baseline"/> to compare each split with.</summary>
    [Parameter] public string BaselineSplit { get; init; } = "train";

    /// <summary>Two splits of <see cref="Statistics"/> to check for skew, e.g. <c>["train", "eval"]</c>; empty checks none.</summary>
    [Parameter] public string[] SkewSplits { get; init; } = [];

    /// <summary>Kinds of anomaly that are reported but do not block downstream steps.</summary>
    [Parameter] public AnomalyKind[] NonBlocking { get; init; } = [];

    [Output] public ExampleAnomalies Anomalies { get; init; } = null!;

    public async ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        var statistics = await StatisticsFile.ReadAsync(Statistics, cancellationToken).ConfigureAwait(false);
        var schema = await SchemaFile.ReadAsync(Schema, cancellationToken).ConfigureAwait(false);
        var found = statistics.Splits.SelectMany(split => SchemaChecks.Check(split, schema)).ToList();
        if (SkewSplits.Length > 0)
        {
            if (SkewSplits.Length != 2)
                throw new SchemaException($"Step '{context.NodeName}': SkewSplits must name two splits, e.g. [\"train\", \"eval\"]; it has {SkewSplits.Length}.");
            found.AddRange(DistributionChecks.Compare(Split(statistics, SkewSplits[0], "Statistics"), Split(statistics, SkewSplits[1], "Statistics"),
                schema, AnomalyKind.Skew, $"{SkewSplits[0]} vs {SkewSplits[1]}"));
        }
        if (Baseline is not null)
        {
            if (BaselineComparison is not (AnomalyKind.Drift or AnomalyKind.Skew))
                throw new SchemaException($"Step '{context.NodeName}': BaselineComparison must be Drift or Skew, not {BaselineComparison}.");
            var baseline = Split(await StatisticsFile.ReadAsync(Baseline, cancellationToken).ConfigureAwait(false), BaselineSplit, "Baseline");
            foreach (var split in statistics.Splits)
                found.AddRange(DistributionChecks.Compare(baseline, split, schema, BaselineComparison, $"baseline {BaselineSplit} vs {split.Name}"));
        }
        var report = new AnomalyReport { Anomalies = found.Select(a => a with { Blocking = !NonBlocking.Contains(a.Kind) }).ToList() };
        await AnomaliesFile.WriteAsync(Anomalies, report, cancellationToken).ConfigureAwait(false);
        var blocking = report.Blocking.ToList();
        Anomalies.SetProperty("anomalies", report.Anomalies.Count);
        Anomalies.SetProperty("blocking_anomalies", blocking.Count);
        if (blocking.Count > 0)
            Anomalies.BlockingReason = string.Create(CultureInfo.InvariantCulture,
                $"{blocking.Count} blocking anomal{(blocking.Count == 1 ? "y" : "ies")}: {string.Join("; ", blocking.Take(3))}{(blocking.Count > 3 ? "; …" : "")}");
        context.Logger.LogInformation("Step {Step}: {Count} anomalies, {Blocking} blocking", context.NodeName, report.Anomalies.Count, blocking.Count);
    }

    private static SplitStatistics Split(DatasetStatistics statistics, string name, string input) =>
        statistics.Splits.FirstOrDefault(s => s.Name == name)
        ?? throw new SchemaException($"{input} statistics have no split '{name}'; they have {string.Join(", ", statistics.Splits.Select(s => s.Name))}.");
}
