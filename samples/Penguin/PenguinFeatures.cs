using Millrace.Training;

namespace Millrace.Samples.Penguin;

/// <summary>The four body measurements, standardised, and body mass bucketed into an embedding; the label is the species.</summary>
public sealed class PenguinFeatures : IFeatureSpec
{
    public static FeatureSet Features { get; } = new(LabelSpec.Multiclass("species", 3),
    [
        Feature.Numeric("culmen_length_mm").ZScore(),
        Feature.Numeric("culmen_depth_mm").ZScore(),
        Feature.Numeric("flipper_length_mm").ZScore(),
        Feature.Numeric("body_mass_g").ZScore(),
        Feature.Bucketize("body_mass_g", 4).Embedding(2),
    ]);
}
