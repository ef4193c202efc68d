namespace Millrace.Training.Tests;

public sealed class TransformBadInputTests
{
    private static readonly TransformAnalyzer Analyzer = new();

    [Fact]
    public void A_feature_naming_a_missing_column_is_an_error_that_names_the_feature_and_the_column()
    {
        var table = Tables.FromCsv("label,x\n0,1\n");
        var error = Assert.Throws<TrainingDataException>(() => Analyzer.Fit(new FeatureSet(LabelSpec.Binary("label"), [Feature.Numeric("fare")]), table));
        Assert.Contains("'fare'", error.Message);
        Assert.Contains("label, x", error.Message);
    }

    [Fact]
    public void An_empty_training_split_is_an_error()
    {
        var table = Tables.FromCsv("label,x\n");
        var error = Assert.Throws<TrainingDataException>(() => Analyzer.Fit(new FeatureSet(LabelSpec.Binary("label"), [Feature.Numeric("x")]), table));
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void A_numeric_feature_over_a_string_column_is_an_error_that_suggests_a_vocabulary()
    {
        var table = Tables.FromCsv("label,x\n0,a\n");
        var error = Assert.Throws<TrainingDataException>(() => Analyzer.Fit(new FeatureSet(LabelSpec.Binary("label"), [Feature.Numeric("x")]), table));
        Assert.Contains("vocabulary", error.Message);
    }

    [Fact]
    public void A_feature_that_reads_the_label_is_an_error()
    {
        var table = Tables.FromCsv("label,x\n0,1\n");
        Assert.Throws<TrainingDataException>(() => Analyzer.Fit(new FeatureSet(LabelSpec.Binary("label"), [Feature.Numeric("label")]), table));
    }

    [Fact]
    public void A_serving_row_with_text_where_a_number_is_expected_is_an_error_that_names_the_input()
    {
        var transform = Analyzer.Fit(new FeatureSet(LabelSpec.Binary("label"), [Feature.Numeric("x")]), Tables.FromCsv("label,x\n0,1\n"));
        var error = Assert.Throws<TrainingDataException>(() => transform.Apply(new Dictionary<string, object?> { ["x"] = "seven" }));
        Assert.Contains("'x'", error.Message);
    }
}
