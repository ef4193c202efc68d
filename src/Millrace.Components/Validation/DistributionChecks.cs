using System.Globalization;
using Millrace.Components.Schemas;
using Millrace.Components.Statistics;

namespace Millrace.Components.Validation;

/// <summary>Skew and drift: each feature's distance between two splits against the threshold the schema sets for it.</summary>
internal static class DistributionChecks
{
    public static IEnumerable<Anomaly> Compare(SplitStatistics baseline, SplitStatistics current, DataSchema schema, AnomalyKind kind, string label)
    {
        foreach (var expected in schema.Features)
        {
            double? threshold = kind == AnomalyKind.Drift ? expected.DriftThreshold : expected.SkewThreshold;
            if (threshold is not { } limit || baseline.Find(expected.Name) is not { } a || current.Find(expected.Name) is not { } b) continue;
            if (DistributionDistance.Between(a, b) is not { } distance || distance <= limit) continue;
            string measure = a.String is not null ? "L-infinity distance" : "Jensen-Shannon divergence";
            yield return new Anomaly
            {
                Kind = kind,
                Split = label,
                Feature = expected.Name,
                Value = distance,
                Description = string.Create(CultureInfo.InvariantCulture, $"{measure} {distance:0.####} between {label} is above the schema's {kind.ToString().ToLowerInvariant()} threshold {limit}."),
            };
        }
    }
}
