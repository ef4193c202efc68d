using MessagePack;

namespace Millrace.Components.Validation;

/// <summary>One problem that validation found.</summary>
[MessagePackObject(keyAsPropertyName: true)]
public sealed record Anomaly
{
    /// <summary>What kind of problem.</summary>
    public AnomalyKind Kind { get; init; }

    /// <summary>The split it was found in (for skew, "a vs b").</summary>
    public string Split { get; init; } = "";

    /// <summary>The feature.</summary>
    public string Feature { get; init; } = "";

    /// <summary>What is wrong, in words.</summary>
    public string Description { get; init; } = "";

    /// <summary>The measured quantity (a fraction, a distance), when there is one.</summary>
    public double? Value { get; init; }

    /// <summary>Whether this anomaly stops the steps that consume the anomalies artifact.</summary>
    public bool Blocking { get; init; } = true;

    /// <inheritdoc/>
    public override string ToString() => $"{Kind} {Feature} [{Split}]: {Description}";
}

/// <summary>Everything validation found: the payload of an <see cref="ExampleAnomalies"/> artifact.</summary>
[MessagePackObject(keyAsPropertyName: true)]
public sealed class AnomalyReport
{
    /// <summary>The anomalies, in the order they were found.</summary>
    public List<Anomaly> Anomalies { get; set; } = [];

    /// <summary>The anomalies that block downstream steps.</summary>
    [IgnoreMember]
    public IEnumerable<Anomaly> Blocking => Anomalies.Where(a => a.Blocking);
}
