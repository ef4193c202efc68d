namespace Millrace;

/// <summary>Per-split, per-feature statistics of an <see cref="Examples"/> artifact (counts, moments, quantiles, histograms, top values).</summary>
public sealed class ExampleStatistics : Artifact;
