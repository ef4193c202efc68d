namespace Millrace.Components.Tests;

public sealed class ParquetExampleGenTests
{
    [Fact]
    public async Task Parquet_input_is_split_like_the_same_rows_from_csv()
    {
        await using var root = new PipelineRoot();
        long?[] ids = [.. Enumerable.Range(0, 300).Select(i => (long?)i)];
        double?[] scores = [.. Enumerable.Range(0, 300).Select(i => i % 7 == 0 ? null : (double?)(i * 0.25))];
        string?[] labels = [.. Enumerable.Range(0, 300).Select(i => i % 5 == 0 ? null : $"l{i % 3}")];
        var parquet = await TestParquet.WriteAsync(Path.Combine(root.Inputs, "rows.parquet"), ids, scores, labels);
        var csv = root.Input("rows.csv", "id,score,label\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"{ids[i]},{scores[i]:R},{labels[i]}\n")));

        var fromParquet = Outputs.Of(await root.RunAsync(new ParquetIngestPipeline { Input = parquet }), "ExampleGen");
        var fromCsv = Outputs.Of(await root.RunAsync(new IngestPipeline { Input = csv, Overrides = ["score=Float64"] }), "ExampleGen");

        Assert.Equal(300, fromParquet.GetInt64Property(ExampleLayout.RowsProperty));
        foreach (var split in new[] { "train", "eval" })
            Assert.Equal((await Outputs.RowsAsync(fromCsv, split)).Select(r => r["id"]), (await Outputs.RowsAsync(fromParquet, split)).Select(r => r["id"]));
    }

    [Fact]
    public async Task A_parquet_file_replaced_in_place_is_ingested_again_rather_than_taken_from_the_cache()
    {
        await using var root = new PipelineRoot();
        var path = Path.Combine(root.Inputs, "rows.parquet");
        await TestParquet.WriteAsync(path, [1, 2], [0.5, 1.5], ["a", "b"]);
        var first = await root.RunAsync(new ParquetIngestPipeline { Input = path });
        await TestParquet.WriteAsync(path, [1, 2, 3], [0.5, 1.5, 2.5], ["a", "b", "c"]);
        var second = await root.RunAsync(new ParquetIngestPipeline { Input = path });

        Assert.Equal((NodeOutcome.Succeeded, NodeOutcome.Succeeded), (first["ExampleGen"].Outcome, second["ExampleGen"].Outcome));
        Assert.Equal(3, Outputs.Of(second, "ExampleGen").GetInt64Property(ExampleLayout.RowsProperty));
    }

    [Fact]
    public async Task Parquet_timestamps_are_ingested_as_sortable_strings()
    {
        await using var root = new PipelineRoot();
        var path = Path.Combine(root.Inputs, "times.parquet");
        var field = new Parquet.Schema.DataField<DateTime?>("when");
        await using (var stream = File.Create(path))
        await using (var writer = await Parquet.ParquetWriter.CreateAsync(new Parquet.Schema.ParquetSchema(field), stream))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<DateTime>(field, new DateTime?[] { new DateTime(2001, 1, 1, 0, 1, 0), null });
            group.CompleteValidate();
        }
        var examples = Outputs.Of(await root.RunAsync(new ParquetIngestPipeline { Input = path }), "ExampleGen");

        var values = (await Outputs.RowsAsync(examples, "train")).Concat(await Outputs.RowsAsync(examples, "eval")).Select(r => (string?)r["when"]);
        Assert.Equal(["2001-01-01 00:01:00", null], values.OrderBy(v => v is null));
    }
}
