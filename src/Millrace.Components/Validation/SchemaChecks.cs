using System.Globalization;
using Millrace.Components.Schemas;
using Millrace.Components.Statistics;

namespace Millrace.Components.Validation;

/// <summary>The checks of one split's statistics against a schema: columns, types, ranges, domains, NaN and presence.</summary>
internal static class SchemaChecks
{
    public static IEnumerable<Anomaly> Check(SplitStatistics split, DataSchema schema)
    {
        foreach (var expected in schema.Features.Where(f => split.Find(f.Name) is null))
            yield return New(AnomalyKind.MissingColumn, split, expected.Name, $"the schema's {expected.Type} feature is not in the data.");
        foreach (var feature in split.Features)
        {
            var expected = schema.Find(feature.Name);
            if (expected is null)
            {
                yield return New(AnomalyKind.NewColumn, split, feature.Name, $"a {feature.Type} feature that the schema does not have.");
                continue;
            }
            if (feature.Type != expected.Type)
            {
                yield return New(AnomalyKind.TypeMismatch, split, feature.Name, $"the data has type {feature.Type}, the schema {expected.Type}.");
                continue;
            }
            foreach (var anomaly in CheckValues(split, feature, expected)) yield return anomaly;
        }
    }

    private static IEnumerable<Anomaly> CheckValues(SplitStatistics split, FeatureStatistics feature, FeatureSchema expected)
    {
        double presence = feature.Presence;
        if (split.RowCount > 0 && presence < expected.MinPresence)
            yield return New(AnomalyKind.LowPresence, split, feature.Name,
                Format($"present in {presence:P2} of rows ({feature.Missing} missing), below the schema's minimum {expected.MinPresence:P2}."), presence);
        if (feature.Numeric is { } numeric)
        {
            if (numeric.NaNs > 0 && !expected.AllowNaN)
                yield return New(AnomalyKind.NaNNotAllowed, split, feature.Name, Format($"{numeric.NaNs} NaN values where the schema allows none."), numeric.NaNs);
            bool below = expected.Min is { } min && feature.Count > 0 && numeric.Min < min;
            bool above = expected.Max is { } max && feature.Count > 0 && numeric.Max > max;
            if (below || above)
                yield return New(AnomalyKind.OutOfRange, split, feature.Name,
                    Format($"values span [{numeric.Min}, {numeric.Max}], outside the schema's [{expected.Min?.ToString(CultureInfo.InvariantCulture) ?? "-inf"}, {expected.Max?.ToString(CultureInfo.InvariantCulture) ?? "+inf"}]."));
        }
        if (feature.String is { } strings && expected.Domain is { } domain && feature.Count > 0)
        {
            var allowed = domain.ToHashSet(StringComparer.Ordinal);
            var values = strings.Domain.Count > 0 ? strings.Domain : strings.TopValues;
            var unexpected = values.Where(v => !allowed.Contains(v.Value)).ToList();
            if (unexpected.Count > 0)
            {
                double fraction = (double)unexpected.Sum(v => v.Count) / feature.Count;
                string examples = string.Join(", ", unexpected.Take(5).Select(v => $"'{v.Value}'"));
                string atLeast = strings.Domain.Count > 0 ? "" : "at least ";
                yield return New(AnomalyKind.UnexpectedValue, split, feature.Name,
                    Format($"{atLeast}{fraction:P2} of values are outside the schema's domain ({unexpected.Count} values, e.g. {examples})."), fraction);
            }
        }
    }

    private static Anomaly New(AnomalyKind kind, SplitStatistics split, string feature, string description, double? value = null) =>
        new() { Kind = kind, Split = split.Name, Feature = feature, Description = description, Value = value };

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
