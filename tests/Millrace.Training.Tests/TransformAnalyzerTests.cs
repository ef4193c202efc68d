namespace Millrace.Training.Tests;

public sealed class TransformAnalyzerTests
{
    private static readonly LabelSpec Label = LabelSpec.Binary("label");

    private static FittedTransform Fit(string csv, params FeatureSpec[] features) =>
        new TransformAnalyzer().Fit(new FeatureSet(Label, features), Tables.FromCsv(csv));

    [Fact]
    public void Z_score_uses_the_mean_and_population_deviation_of_the_training_split()
    {
        var transform = Fit("label,x\n0,1\n0,2\n0,3\n0,6\n", Feature.Numeric("x").ZScore());
        var numeric = Assert.IsType<FittedNumeric>(transform.Features[0]);
        double[] xs = [1, 2, 3, 6];
        double mean = xs.Average(), std = Math.Sqrt(xs.Sum(x => (x - mean) * (x - mean)) / xs.Length);
        Assert.Equal(mean, numeric.Shift, 12);
        Assert.Equal(std, numeric.Scale, 12);
        Assert.Equal((float)((6 - mean) / std), transform.Apply(new Dictionary<string, object?> { ["x"] = 6L }).Dense[0]);
    }

    [Fact]
    public void Min_max_after_log_and_clip_maps_the_training_range_to_zero_and_one()
    {
        var transform = Fit("label,x\n0,0\n0,3\n0,100\n", Feature.Numeric("x").Log1P().Clip(0, Math.Log(11)).MinMax());
        Assert.Equal(0f, transform.Apply(new Dictionary<string, object?> { ["x"] = 0L }).Dense[0]);
        Assert.Equal(1f, transform.Apply(new Dictionary<string, object?> { ["x"] = 100L }).Dense[0]);
        Assert.Equal((float)(Math.Log(4) / Math.Log(11)), transform.Apply(new Dictionary<string, object?> { ["x"] = 3L }).Dense[0]);
    }

    [Theory]
    [InlineData("mean", 4.0)]
    [InlineData("median", 3.0)]
    [InlineData("constant", -1.0)]
    public void A_missing_number_is_filled_with_the_fitted_value(string how, double expected)
    {
        var spec = how switch { "mean" => Feature.Numeric("x").ImputeMean(), "median" => Feature.Numeric("x").ImputeMedian(), _ => Feature.Numeric("x").Impute(-1) };
        var transform = Fit("label,x\n0,1\n0,3\n0,8\n0,\n", spec);
        Assert.Equal((float)expected, transform.Apply(new Dictionary<string, object?> { ["x"] = null }).Dense[0]);
    }

    [Fact]
    public void A_vocabulary_keeps_the_most_frequent_values_and_sends_the_rest_to_out_of_vocabulary_buckets()
    {
        var transform = Fit("label,c\n0,a\n0,b\n0,b\n0,c\n0,c\n0,c\n", Feature.Vocabulary("c", topK: 2, oovBuckets: 3).Embedding(2));
        var vocabulary = Assert.IsType<FittedCategorical>(transform.Features[0]);
        Assert.Equal(["c", "b"], vocabulary.Vocabulary);
        Assert.Equal(5, vocabulary.Cardinality);
        long Index(string? value) => transform.Apply(new Dictionary<string, object?> { ["c"] = value }).Categorical[0];
        Assert.Equal(0, Index("c"));
        Assert.Equal(1, Index("b"));
        Assert.InRange(Index("a"), 2, 4);
        Assert.InRange(Index("never seen"), 2, 4);
        Assert.InRange(Index(null), 2, 4);
    }

    [Fact]
    public void Quantile_buckets_split_the_training_values_evenly_and_missing_values_get_their_own_bucket()
    {
        var csv = "label,x\n" + string.Concat(Enumerable.Range(1, 100).Select(i => $"0,{i}\n"));
        var transform = Fit(csv, Feature.Bucketize("x", 4).Embedding(2));
        var buckets = Assert.IsType<FittedCategorical>(transform.Features[0]);
        Assert.Equal([25.0, 50.0, 75.0], buckets.Boundaries);
        long Index(object? value) => transform.Apply(new Dictionary<string, object?> { ["x"] = value }).Categorical[0];
        Assert.Equal(0, Index(1L));
        Assert.Equal(1, Index(25L));
        Assert.Equal(3, Index(100L));
        Assert.Equal(4, Index(null));
    }

    [Fact]
    public void One_hot_blocks_follow_each_other_in_the_dense_vector()
    {
        var transform = Fit("label,a,b\n0,x,1\n0,y,2\n", Feature.Vocabulary("a", 2).OneHot(), Feature.Numeric("b"), Feature.Hash("a", 4).OneHot());
        Assert.Equal(3 + 1 + 4, transform.DenseWidth);
        var dense = transform.Apply(new Dictionary<string, object?> { ["a"] = "y", ["b"] = 2L }).Dense;
        Assert.Equal(1f, dense[1]);
        Assert.Equal(2f, dense[3]);
        Assert.Equal(1f, dense.AsSpan(4).ToArray().Sum());
    }

    [Fact]
    public void A_cross_hashes_the_pair_of_values_so_different_pairs_can_differ()
    {
        var transform = Fit("label,a,b\n0,x,1\n0,y,2\n", Feature.Cross(1000, "a", "b").Embedding(3));
        long Index(string a, long b) => transform.Apply(new Dictionary<string, object?> { ["a"] = a, ["b"] = b }).Categorical[0];
        Assert.Equal(Index("x", 1), Index("x", 1));
        Assert.NotEqual(Index("x", 1), Index("x", 2));
    }
}
