using Millrace.Components.Statistics;

namespace Millrace.Components.Tests;

public sealed class EdgeCaseStatisticsTests
{
    [Fact]
    public async Task Infinities_NaN_nulls_an_empty_column_and_a_single_value_are_summarised_without_error()
    {
        await using var root = new PipelineRoot();
        var path = await TestParquet.WriteAsync(Path.Combine(root.Inputs, "edge.parquet"),
            [7, 7, 7, 7, 7], [double.PositiveInfinity, double.NegativeInfinity, 1, null, double.NaN], [null, null, null, null, null]);
        var statistics = await StatisticsFile.ReadAsync(Outputs.Of(await root.RunAsync(new ParquetStatisticsPipeline { Input = path }), "Statistics"));
        var split = statistics["all"];

        var single = split.Find("id")!;
        Assert.Equal((5L, 0L, 7.0, 7.0, 7.0, 0.0, 7.0), (single.Count, single.Missing, single.Numeric!.Min, single.Numeric.Max, single.Numeric.Mean, single.Numeric.StdDev, single.Numeric.Median));
        Assert.Equal(5, single.Numeric.EqualWidthHistogram.Sum(b => b.Count));

        var score = split.Find("score")!;
        var n = score.Numeric!;
        Assert.Equal((3L, 2L, 1L, 2L), (score.Count, score.Missing, n.NaNs, n.Infinities));
        Assert.Equal((double.NegativeInfinity, double.PositiveInfinity, 1.0), (n.Min, n.Max, n.Mean));
        Assert.Empty(n.EqualWidthHistogram);

        var empty = split.Find("label")!;
        Assert.Equal((0L, 5L, 0L), (empty.Count, empty.Missing, empty.String!.Unique));
        Assert.Empty(empty.String.TopValues);
    }
}
