namespace Millrace.Training.Tests;

public sealed class TransformParityTests
{
    [Fact]
    public void Every_taxi_row_transforms_to_the_same_values_as_a_batch_and_as_a_single_serving_row()
    {
        var table = Tables.Taxi();
        var transform = new TransformAnalyzer().Fit(TaxiFeatures.Features, table);
        var batch = transform.Apply(table);
        for (int row = 0; row < table.RowCount; row++)
        {
            var single = transform.Apply(Tables.Row(table, row));
            Assert.True(batch.Dense.AsSpan(row * batch.DenseWidth, batch.DenseWidth).SequenceEqual(single.Dense), $"dense values of row {row} differ");
            Assert.True(batch.Categorical.AsSpan(row * batch.CategoricalWidth, batch.CategoricalWidth).SequenceEqual(single.Categorical), $"indices of row {row} differ");
        }
    }

    [Fact]
    public void A_transform_read_back_from_MessagePack_gives_the_same_batch_bit_for_bit()
    {
        var table = Tables.Taxi();
        var transform = new TransformAnalyzer().Fit(TaxiFeatures.Features, table);
        var copy = FittedTransform.Deserialize(transform.Serialize());
        var expected = transform.Apply(table);
        var actual = copy.Apply(table);
        Assert.Equal(expected.Dense, actual.Dense);
        Assert.Equal(expected.Categorical, actual.Categorical);
        Assert.Equal(transform.Label, copy.Label);
    }

    [Fact]
    public void An_integer_sent_as_a_float_at_serving_time_maps_to_the_same_vocabulary_index()
    {
        var table = Tables.FromCsv("label,hour\n0,5\n1,7\n0,5\n");
        var transform = new TransformAnalyzer().Fit(new FeatureSet(LabelSpec.Binary("label"), [Feature.Vocabulary("hour", 5).OneHot()]), table);
        Assert.Equal(transform.Apply(new Dictionary<string, object?> { ["hour"] = 7L }).Dense, transform.Apply(new Dictionary<string, object?> { ["hour"] = 7.0 }).Dense);
    }
}
