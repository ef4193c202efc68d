using System.Text;

namespace Millrace.Components.Tests;

public sealed class BadInputTests
{
    private static async Task<string> FailureOf(PipelineRoot root, string path, string[]? overrides = null)
    {
        var result = await root.RunAsync(new IngestPipeline { Input = path, Overrides = overrides ?? [] });
        Assert.Equal(NodeOutcome.Failed, result["ExampleGen"].Outcome);
        return result["ExampleGen"].Message!;
    }

    [Fact]
    public async Task A_ragged_row_fails_with_its_file_and_line()
    {
        await using var root = new PipelineRoot();
        var path = root.Input("ragged.csv", "a,b\n1,2\n3,4\n5\n6,7\n");
        Assert.StartsWith($"ExampleGenException: {path}:4: step 'ExampleGen': the row has 1 fields where the header has 2.", await FailureOf(root, path));
    }

    [Fact]
    public async Task An_unparsable_number_in_a_column_typed_numeric_fails_with_its_line_and_column()
    {
        await using var root = new PipelineRoot();
        var path = root.Input("numbers.csv", "a,b,c\n1,2.5,x\n2,abc,y\n");
        var message = await FailureOf(root, path, ["b=Float64"]);
        Assert.StartsWith($"ExampleGenException: {path}:3:2: step 'ExampleGen': column 'b': 'abc' is not a Float64 value", message);
    }

    [Fact]
    public async Task Invalid_utf8_fails_with_the_line_that_holds_it()
    {
        await using var root = new PipelineRoot();
        var path = root.Input("latin1.csv", [.. Encoding.UTF8.GetBytes("name,n\nok,1\ncaf"), 0xE9, .. Encoding.UTF8.GetBytes(",2\n")]);
        Assert.StartsWith($"ExampleGenException: {path}:3: step 'ExampleGen': invalid UTF-8", await FailureOf(root, path));
    }

    [Fact]
    public async Task An_empty_file_fails_at_line_one()
    {
        await using var root = new PipelineRoot();
        var path = root.Input("empty.csv", "");
        Assert.StartsWith($"ExampleGenException: {path}:1: step 'ExampleGen': the file is empty", await FailureOf(root, path));
    }

    [Fact]
    public async Task A_header_only_file_fails_saying_it_has_no_rows()
    {
        await using var root = new PipelineRoot();
        var path = root.Input("header.csv", "a,b\n");
        Assert.StartsWith($"ExampleGenException: {path}:2: step 'ExampleGen': the file has a header and no rows", await FailureOf(root, path));
    }

    [Fact]
    public async Task An_unclosed_quote_fails_at_the_line_where_it_opens()
    {
        await using var root = new PipelineRoot();
        var path = root.Input("quote.csv", "a,b\n1,2\n3,\"open\n4,5\n");
        Assert.StartsWith($"ExampleGenException: {path}:3: step 'ExampleGen': a quoted field is never closed.", await FailureOf(root, path));
    }

    [Fact]
    public async Task Quarantine_sets_bad_rows_aside_with_their_lines_and_counts_them()
    {
        await using var root = new PipelineRoot();
        var csv = new StringBuilder("id,score\n");
        for (int i = 1; i <= 100; i++) csv.Append(i switch { 9 => "9\n", 49 => "49,high\n", _ => $"{i},{i * 0.5}\n" });
        var path = root.Input("scores.csv", csv.ToString());
        var result = await root.RunAsync(new IngestPipeline { Input = path, Overrides = ["score=Float64"], Policy = BadRowPolicy.Quarantine, MaxFraction = 0.05 });
        var examples = Outputs.Of(result, "ExampleGen");

        Assert.Equal(98, examples.GetInt64Property(ExampleLayout.RowsProperty));
        Assert.Equal(2, examples.GetInt64Property(ExampleLayout.BadRowsProperty));
        var quarantine = File.ReadAllLines(examples.GetPath("quarantine.csv"));
        Assert.Equal("file,line,column,problem,text", quarantine[0]);
        Assert.StartsWith($"\"{path}\",10,0,\"the row has 1 fields", quarantine[1]);
        Assert.StartsWith($"\"{path}\",50,2,\"'high' is not a Float64 value", quarantine[2]);
        Assert.EndsWith(",\"49,high\"", quarantine[2]);
    }

    [Fact]
    public async Task Quarantine_fails_when_bad_rows_exceed_the_allowed_fraction()
    {
        await using var root = new PipelineRoot();
        var path = root.Input("mostly-bad.csv", "a,b\n1,2\n3\n4\n5,6\n");
        var result = await root.RunAsync(new IngestPipeline { Input = path, Policy = BadRowPolicy.Quarantine, MaxFraction = 0.25 });

        Assert.Equal(NodeOutcome.Failed, result["ExampleGen"].Outcome);
        Assert.StartsWith($"ExampleGenException: Step 'ExampleGen': 2 of 4 rows are bad (50.00 %), above MaxBadRowFraction 25.00 %; the first is {path}:3:", result["ExampleGen"].Message);
    }
}
