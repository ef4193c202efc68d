namespace Millrace.Training.Tests;

public sealed class LabelAndSplitErrorTests
{
    [Fact]
    public void A_missing_label_column_is_an_error_that_lists_the_columns()
    {
        var error = Assert.Throws<TrainingDataException>(() => LabelReader.Read(Tables.FromCsv("x,y\n1,2\n"), LabelSpec.Binary("label"), "train"));
        Assert.Contains("'label'", error.Message);
        Assert.Contains("x, y", error.Message);
    }

    [Fact]
    public void A_string_label_for_a_binary_task_is_an_error_that_says_what_it_must_be()
    {
        var error = Assert.Throws<TrainingDataException>(() => LabelReader.Read(Tables.FromCsv("label\nyes\nno\n"), LabelSpec.Binary("label"), "train"));
        Assert.Contains("integers in 0..1", error.Message);
    }

    [Fact]
    public void A_class_index_out_of_range_is_an_error_with_its_row()
    {
        var error = Assert.Throws<TrainingDataException>(() => LabelReader.Read(Tables.FromCsv("label\n0\n3\n"), LabelSpec.Multiclass("label", 3), "eval"));
        Assert.Contains("row 1", error.Message);
    }

    [Fact]
    public void A_missing_label_value_is_an_error()
    {
        Assert.Throws<TrainingDataException>(() => LabelReader.Read(Tables.FromCsv("label,x\n0,1\n,2\n"), LabelSpec.Binary("label"), "train"));
    }

    [Fact]
    public void An_empty_split_cannot_be_trained_on()
    {
        var empty = new TransformedBatch(0, 1, [], 0, []);
        var error = Assert.Throws<TrainingDataException>(() => new TrainingSet(empty, [], PredictionTask.Binary, "eval"));
        Assert.Contains("'eval' is empty", error.Message);
    }

    [Fact]
    public void A_regression_head_learns_a_numeric_target_better_than_its_mean()
    {
        var features = new FeatureSet(LabelSpec.Regression("body_mass_g"), [Feature.Numeric("flipper_length_mm").ZScore(), Feature.Numeric("culmen_depth_mm").ZScore()]);
        var (transform, train, eval) = PenguinData.Load(features);
        using var model = TabularTrainer.Fit(transform, ModelArchitecture.WideAndDeep(8), train, eval, new TrainerOptions { Epochs = 60, BatchSize = 32, LearningRate = 1e-2 });
        var metrics = RegressionMetrics.Compute([.. eval.LabelValues], model.Predict(transform.Apply(Splits.Of("penguins/penguins_labelled.csv").Eval)));
        double mean = eval.LabelValues.Average(v => (double)v);
        double spread = Math.Sqrt(eval.LabelValues.Average(v => (v - mean) * (v - mean)));
        Assert.True(metrics.Rmse < 0.6 * spread, $"rmse {metrics.Rmse:F4} against a spread of {spread:F4}");
    }
}
