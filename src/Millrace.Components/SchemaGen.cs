using Millrace.Components.Schemas;
using Millrace.Components.Statistics;

namespace Millrace.Components;

/// <summary>
/// Infers a <see cref="Schema"/> from statistics: each feature's type, whether it is required (present in every
/// row), its numeric range, and the domain of a string feature with few distinct values. Thresholds for skew and
/// drift are set when given. Saved as MessagePack and as JSON to read or edit (see <see cref="ImportSchemaGen"/>).
/// </summary>
[Component]
public sealed partial class SchemaGen
{
    [Input] public required ExampleStatistics Statistics { get; init; }

    [Output] public Schema Schema { get; init; } = null!;

    /// <summary>The splits the schema is inferred from; empty uses every split.</summary>
    [Parameter] public string[] Splits { get; init; } = ["train"];

    /// <summary>Record numeric ranges (the observed min and max) in the schema.</summary>
    [Parameter] public bool InferRanges { get; init; } = true;

    /// <summary>A string feature with at most this many distinct values gets a categorical domain.</summary>
    [Parameter] public int MaxDomainSize { get; init; } = 100;

    /// <summary>The skew threshold given to every feature; 0 leaves skew unchecked.</summary>
    [Parameter] public double SkewThreshold { get; init; }

    /// <summary>The drift threshold given to every feature; 0 leaves drift unchecked.</summary>
    [Parameter] public double DriftThreshold { get; init; }

    public async ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        var statistics = await StatisticsFile.ReadAsync(Statistics, cancellationToken).ConfigureAwait(false);
        var splits = Splits.Length == 0 ? statistics.Splits : Splits.Select(name => statistics.Splits.FirstOrDefault(s => s.Name == name)
            ?? throw new SchemaException($"Step '{context.NodeName}': split '{name}' is not in the statistics; they have {string.Join(", ", statistics.Splits.Select(s => s.Name))}. Set Splits.")).ToList();
        var model = new DataSchema();
        foreach (var name in splits.SelectMany(s => s.Features).Select(f => f.Name).Distinct())
            model.Features.Add(Infer(splits.Select(s => s.Find(name)).OfType<FeatureStatistics>().ToList(), splits.Count));
        await SchemaFile.WriteAsync(Schema, model, cancellationToken).ConfigureAwait(false);
    }

    private FeatureSchema Infer(IReadOnlyList<FeatureStatistics> observed, int splitCount)
    {
        var first = observed[0];
        bool required = observed.Count == splitCount && observed.All(f => f.Missing == 0 && f.Count > 0);
        var feature = new FeatureSchema
        {
            Name = first.Name,
            Type = first.Type,
            Required = required,
            MinPresence = required ? 1 : 0,
            SkewThreshold = SkewThreshold > 0 ? SkewThreshold : null,
            DriftThreshold = DriftThreshold > 0 ? DriftThreshold : null,
        };
        if (InferRanges && observed.All(f => f.Numeric is not null) && observed.Any(f => f.Count > 0))
        {
            feature.Min = observed.Where(f => f.Count > 0).Min(f => f.Numeric!.Min);
            feature.Max = observed.Where(f => f.Count > 0).Max(f => f.Numeric!.Max);
        }
        var domains = observed.Select(f => f.String?.Domain).ToList();
        if (domains.All(d => d is { Count: > 0 }))
        {
            var values = domains.SelectMany(d => d!).Select(v => v.Value).Distinct().Order(StringComparer.Ordinal).ToList();
            if (values.Count <= MaxDomainSize) feature.Domain = values;
        }
        return feature;
    }
}
