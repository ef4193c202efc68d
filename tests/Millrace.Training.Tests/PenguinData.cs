namespace Millrace.Training.Tests;

/// <summary>The penguin features and transformed splits, for quick training tests.</summary>
internal static class PenguinData
{
    public static FeatureSet Features { get; } = new(LabelSpec.Multiclass("species", 3),
    [
        Feature.Numeric("culmen_length_mm").ZScore(),
        Feature.Numeric("culmen_depth_mm").ZScore(),
        Feature.Numeric("flipper_length_mm").ZScore(),
        Feature.Numeric("body_mass_g").ZScore(),
        Feature.Bucketize("body_mass_g", 4).Embedding(2),
    ]);

    public static (FittedTransform Transform, TrainingSet Train, TrainingSet Eval) Load(FeatureSet? features = null)
    {
        var (trainTable, evalTable) = Splits.Of("penguins/penguins_labelled.csv");
        var transform = new TransformAnalyzer().Fit(features ?? Features, trainTable);
        var task = transform.Label.Task;
        return (transform,
            new TrainingSet(transform.Apply(trainTable), LabelReader.Read(trainTable, transform.Label, "train"), task, "train"),
            new TrainingSet(transform.Apply(evalTable), LabelReader.Read(evalTable, transform.Label, "eval"), task, "eval"));
    }
}
