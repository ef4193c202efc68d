using System.Text;
using Millrace.Compute.IO;

namespace Millrace.Components.Tests;

public sealed class CsvExampleGenTests
{
    [Fact]
    public async Task Taxi_trips_are_split_two_to_one_with_every_row_accounted_for()
    {
        await using var root = new PipelineRoot();
        var examples = Outputs.Of(await root.RunAsync(new IngestPipeline { Input = SharedData.Taxi }), "ExampleGen");

        Assert.Equal("train,eval", examples.Properties[ExampleLayout.SplitNamesProperty]);
        long train = examples.GetInt64Property("split.train.rows")!.Value, eval = examples.GetInt64Property("split.eval.rows")!.Value;
        Assert.Equal(15_002, train + eval);
        Assert.Equal(15_002, examples.GetInt64Property(ExampleLayout.RowsProperty));
        Assert.Equal(0, examples.GetInt64Property(ExampleLayout.BadRowsProperty));
        Assert.InRange((double)train / (train + eval), 0.65, 0.683);
        Assert.Equal(train, (await Outputs.RowsAsync(examples, "train")).Count);
    }

    [Fact]
    public async Task Rows_with_the_same_split_column_value_land_in_the_same_split()
    {
        await using var root = new PipelineRoot();
        var csv = new StringBuilder("user,value\n");
        for (int i = 0; i < 600; i++) csv.Append($"u{i % 40},{i}\n");
        var examples = Outputs.Of(await root.RunAsync(new IngestPipeline { Input = root.Input("users.csv", csv.ToString()), Column = "user" }), "ExampleGen");

        var train = (await Outputs.RowsAsync(examples, "train")).Select(r => (string)r["user"]!).ToHashSet();
        var eval = (await Outputs.RowsAsync(examples, "eval")).Select(r => (string)r["user"]!).ToHashSet();
        Assert.Empty(train.Intersect(eval));
        Assert.Equal(40, train.Count + eval.Count);
    }

    [Fact]
    public async Task The_splits_hashed_as_they_were_written_have_the_digest_of_their_bytes()
    {
        // A cached step's outputs are digested again from their files before reuse: a second run reuses the
        // ingest only if the SHA-256 noted while writing matched the bytes on disk.
        await using var root = new PipelineRoot();
        var first = await root.RunAsync(new IngestPipeline { Input = SharedData.Taxi });
        var second = await root.RunAsync(new IngestPipeline { Input = SharedData.Taxi });

        Assert.Equal(NodeOutcome.Succeeded, first["ExampleGen"].Outcome);
        Assert.Equal(NodeOutcome.Cached, second["ExampleGen"].Outcome);
    }

    [Fact]
    public async Task An_input_file_edited_in_place_is_ingested_again_rather_than_taken_from_the_cache()
    {
        await using var root = new PipelineRoot();
        var path = root.Input("values.csv", "id,value\n1,10\n2,20\n");
        var first = await root.RunAsync(new IngestPipeline { Input = path, Names = ["all"], Weights = [1] });
        File.WriteAllText(path, "id,value\n1,10\n2,20\n3,30\n");
        var second = await root.RunAsync(new IngestPipeline { Input = path, Names = ["all"], Weights = [1] });

        Assert.Equal(NodeOutcome.Succeeded, second["ExampleGen"].Outcome);
        Assert.Equal(3, Outputs.Of(second, "ExampleGen").GetInt64Property(ExampleLayout.RowsProperty));
    }

    [Fact]
    public async Task The_same_rows_land_in_the_same_splits_on_every_run()
    {
        await using var first = new PipelineRoot();
        await using var second = new PipelineRoot();
        var a = Outputs.Of(await first.RunAsync(new IngestPipeline { Input = SharedData.Taxi }), "ExampleGen");
        var b = Outputs.Of(await second.RunAsync(new IngestPipeline { Input = SharedData.Taxi }), "ExampleGen");

        Assert.Equal(a.Properties["split.train.rows"], b.Properties["split.train.rows"]);
        Assert.Equal((await Outputs.RowsAsync(a, "eval")).Select(r => r["trip_start_timestamp"]), (await Outputs.RowsAsync(b, "eval")).Select(r => r["trip_start_timestamp"]));
    }

    [Fact]
    public async Task Bom_semicolons_quotes_and_missing_markers_are_read_as_values()
    {
        await using var root = new PipelineRoot();
        var text = "id;name;score\n1;\"Smith; John\";1.5\n2;\"say \"\"hi\"\"\";NA\n3;plain;\n";
        var path = root.Input("people.csv", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]);
        var examples = Outputs.Of(await root.RunAsync(new IngestPipeline { Input = path, Names = ["all"], Weights = [1] }), "ExampleGen");

        var rows = (await Outputs.RowsAsync(examples, "all")).OrderBy(r => (long)r["id"]!).ToList();
        Assert.Equal(["Smith; John", "say \"hi\"", "plain"], rows.Select(r => (string?)r["name"]));
        Assert.Equal([1.5, null, null], rows.Select(r => (double?)r["score"]));
    }

    [Fact]
    public async Task A_type_override_keeps_leading_zeros_of_a_numeric_looking_column()
    {
        await using var root = new PipelineRoot();
        var path = root.Input("zips.csv", "zip,count\n00123,1\n04567,2\n");
        var examples = Outputs.Of(await root.RunAsync(new IngestPipeline { Input = path, Overrides = ["zip=String"], Names = ["all"], Weights = [1] }), "ExampleGen");

        var (names, types) = await ExampleReader.ReadSchemaAsync(ExampleLayout.SplitFiles(examples, "all")[0]);
        Assert.Equal([ColumnType.String, ColumnType.Int64], types);
        Assert.Equal(["00123", "04567"], (await Outputs.RowsAsync(examples, "all")).Select(r => (string?)r["zip"]).Order());
    }

    [Fact]
    public async Task A_span_pattern_takes_every_file_of_the_newest_span()
    {
        await using var root = new PipelineRoot();
        root.Input("spans/span-2/a.csv", "x\n1\n");
        root.Input("spans/span-10/a.csv", "x\n10\n11\n");
        root.Input("spans/span-10/b.csv", "x\n12\n");
        var pattern = Path.Combine(root.Inputs, "spans", "span-{SPAN}", "*.csv");
        var examples = Outputs.Of(await root.RunAsync(new IngestPipeline { Input = pattern, Names = ["all"], Weights = [1] }), "ExampleGen");

        Assert.Equal(10, examples.GetInt64Property(ExampleLayout.SpanProperty));
        Assert.Equal([10L, 11L, 12L], (await Outputs.RowsAsync(examples, "all")).Select(r => (long)r["x"]!).Order());
    }

    [Fact]
    public async Task A_new_span_is_ingested_on_the_next_run_and_an_unchanged_one_is_taken_from_the_cache()
    {
        await using var root = new PipelineRoot();
        root.Input("spans/span-1/a.csv", "x\n1\n");
        var pattern = Path.Combine(root.Inputs, "spans", "span-{SPAN}", "*.csv");
        var first = await root.RunAsync(new IngestPipeline { Input = pattern, Names = ["all"], Weights = [1] });
        var again = await root.RunAsync(new IngestPipeline { Input = pattern, Names = ["all"], Weights = [1] });
        root.Input("spans/span-2/a.csv", "x\n2\n3\n");
        var next = await root.RunAsync(new IngestPipeline { Input = pattern, Names = ["all"], Weights = [1] });

        Assert.Equal((NodeOutcome.Succeeded, NodeOutcome.Cached, NodeOutcome.Succeeded), (first["ExampleGen"].Outcome, again["ExampleGen"].Outcome, next["ExampleGen"].Outcome));
        Assert.Equal(2, Outputs.Of(next, "ExampleGen").GetInt64Property(ExampleLayout.SpanProperty));
    }

    [Fact]
    public async Task Splits_given_as_separate_inputs_keep_their_own_rows()
    {
        await using var root = new PipelineRoot();
        var train = root.Input("train.csv", "x\n1\n2\n3\n");
        var eval = root.Input("eval.csv", "x\n4\n");
        var examples = Outputs.Of(await root.RunAsync(new IngestPipeline { InputSplitList = [$"train={train}", $"eval={eval}"] }), "ExampleGen");

        Assert.Equal(3, examples.GetInt64Property("split.train.rows"));
        Assert.Equal([4L], (await Outputs.RowsAsync(examples, "eval")).Select(r => (long)r["x"]!));
    }
}
