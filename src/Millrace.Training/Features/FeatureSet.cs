namespace Millrace.Training;

/// <summary>A label and the features derived from raw columns: what the analyzers fit and the transform applies.</summary>
/// <param name="Label">The column the model predicts, and how.</param>
/// <param name="Features">The features, in order; their outputs keep this order.</param>
public sealed record FeatureSet(LabelSpec Label, IReadOnlyList<FeatureSpec> Features)
{
    /// <summary>Every raw column a feature reads, once each, in first-use order.</summary>
    public IReadOnlyList<string> InputColumns => Features.SelectMany(f => f.Columns).Distinct(StringComparer.Ordinal).ToArray();
}
