using MessagePack;

namespace Millrace.Components.Schemas;

/// <summary>
/// What examples are expected to look like: the payload of a <see cref="Schema"/> artifact, saved as MessagePack and
/// as JSON that a person can read and edit (then import it with <see cref="ImportSchemaGen"/>).
/// </summary>
[MessagePackObject(keyAsPropertyName: true)]
public sealed class DataSchema
{
    /// <summary>The expected features, in order.</summary>
    public List<FeatureSchema> Features { get; set; } = [];

    /// <summary>The feature of a name, or <see langword="null"/>.</summary>
    public FeatureSchema? Find(string feature) => Features.FirstOrDefault(f => f.Name == feature);
}

/// <summary>What one feature is expected to be.</summary>
[MessagePackObject(keyAsPropertyName: true)]
public sealed class FeatureSchema
{
    /// <summary>The feature's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The expected type: Int64, Float64 or String.</summary>
    public string Type { get; set; } = "";

    /// <summary>Whether the feature must be present in every row (then <see cref="MinPresence"/> is 1).</summary>
    public bool Required { get; set; }

    /// <summary>The smallest fraction of rows in which the feature must be present.</summary>
    public double MinPresence { get; set; }

    /// <summary>The smallest allowed value of a numeric feature, or <see langword="null"/> for no bound.</summary>
    public double? Min { get; set; }

    /// <summary>The largest allowed value of a numeric feature, or <see langword="null"/> for no bound.</summary>
    public double? Max { get; set; }

    /// <summary>The allowed values of a categorical (string) feature, or <see langword="null"/> for any value.</summary>
    public List<string>? Domain { get; set; }

    /// <summary>Whether NaN values (stored as values, not nulls) are allowed in a float feature.</summary>
    public bool AllowNaN { get; set; }

    /// <summary>
    /// The largest allowed distance between two splits (or training and serving data): L-infinity between value
    /// frequencies for a string feature, Jensen-Shannon divergence (base 2) between histograms for a numeric one;
    /// <see langword="null"/> does not check skew.
    /// </summary>
    public double? SkewThreshold { get; set; }

    /// <summary>The largest allowed distance, measured as for <see cref="SkewThreshold"/>, between this span and the previous one; <see langword="null"/> does not check drift.</summary>
    public double? DriftThreshold { get; set; }
}
