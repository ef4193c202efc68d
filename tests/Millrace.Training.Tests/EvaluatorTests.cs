namespace Millrace.Training.Tests;

public sealed class EvaluatorTests
{
    private static readonly TrainerOptions Options = new() { Epochs = 30, BatchSize = 32, LearningRate = 1e-2 };

    private static FeatureSet Features { get; } = new(LabelSpec.Multiclass("species", 3),
        [Feature.Numeric("culmen_length_mm").ZScore(), Feature.Numeric("flipper_length_mm").ZScore(), Feature.Bucketize("body_mass_g", 3).OneHot()]);

    [Fact]
    public void Each_slice_has_the_metrics_of_its_own_rows_computed_independently()
    {
        var (transform, train, eval) = PenguinData.Load(Features);
        using var model = TabularTrainer.Fit(transform, ModelArchitecture.Mlp(8), train, eval, Options);
        var evalTable = RawTable.From(Splits.Of("penguins/penguins_labelled.csv").Eval);
        var report = ModelEvaluator.Evaluate(model, evalTable, ["species"], permutationSeed: null);
        var labels = LabelReader.Read(evalTable, transform.Label, "eval");
        var predictions = model.Predict(transform.Apply(evalTable));
        for (int species = 0; species < 3; species++)
        {
            var rows = Enumerable.Range(0, labels.Length).Where(i => labels[i] == species).ToArray();
            int correct = rows.Count(i => Enumerable.Range(0, 3).MaxBy(c => predictions[i * 3 + c]) == species);
            Assert.Equal((double)correct / rows.Length, report.Slices[$"species={species}"]["accuracy"], 12);
            Assert.Equal(rows.Length, report.Slices[$"species={species}"]["count"]);
        }
        Assert.Equal(labels.Length, report.Overall["count"]);
        Assert.Equal(labels.Length, report.ConfusionMatrix.Sum(row => row.Sum()));
        for (int actual = 0; actual < 3; actual++)
            Assert.Equal(labels.Count(l => l == actual), report.ConfusionMatrix[actual].Sum());
    }

    [Fact]
    public void Shuffling_a_column_the_model_relies_on_costs_more_accuracy_than_one_it_barely_uses()
    {
        var (transform, train, eval) = PenguinData.Load(Features);
        using var model = TabularTrainer.Fit(transform, ModelArchitecture.Mlp(8), train, eval, Options);
        var report = ModelEvaluator.Evaluate(model, RawTable.From(Splits.Of("penguins/penguins_labelled.csv").Eval), []);
        Assert.Equal(["culmen_length_mm", "flipper_length_mm", "body_mass_g"], report.FeatureImportance.Keys);
        Assert.True(report.FeatureImportance["culmen_length_mm"] > 0.1, $"culmen length importance {report.FeatureImportance["culmen_length_mm"]}");
        Assert.True(report.FeatureImportance["culmen_length_mm"] > report.FeatureImportance["body_mass_g"]);
    }

    [Fact]
    public void A_slice_column_that_does_not_exist_is_an_error_naming_it()
    {
        var (transform, train, eval) = PenguinData.Load(Features);
        using var model = TabularTrainer.Fit(transform, ModelArchitecture.Linear, train, eval, Options with { Epochs = 1 });
        var error = Assert.Throws<TrainingDataException>(() => ModelEvaluator.Evaluate(model, RawTable.From(Splits.Of("penguins/penguins_labelled.csv").Eval), ["island"]));
        Assert.Contains("'island'", error.Message);
    }
}
