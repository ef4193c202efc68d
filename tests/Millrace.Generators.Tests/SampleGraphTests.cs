using Millrace.Samples.Taxi;

namespace Millrace.Generators.Tests;

/// <summary>The Taxi sample's pipeline compiles clean and its graph reads as expected.</summary>
public sealed class SampleGraphTests
{
    [Fact]
    public void Taxi_sample_graph_prints_as_mermaid()
    {
        Assert.Equal("""
            ---
            title: chicago-taxi
            ---
            flowchart TD
                example-gen["ExampleGen<br/><i>CsvExampleGen</i>"]
                statistics["Statistics<br/><i>StatisticsGen</i>"]
                schema["Schema<br/><i>SchemaGen</i>"]
                validator["Validator<br/><i>ExampleValidator</i>"]
                example-gen -- "Examples → Examples" --> statistics
                statistics -- "Statistics → Statistics" --> schema
                statistics -- "Statistics → Statistics" --> validator
                schema -- "Schema → Schema" --> validator

            """.Replace("\r\n", "\n"), TaxiPipeline.Graph.ToMermaid());
    }

    [Fact]
    public void Taxi_sample_graph_prints_as_dot()
    {
        var dot = TaxiPipeline.Graph.ToDot();
        Assert.StartsWith("digraph \"chicago-taxi\" {", dot);
        Assert.Contains("\"example-gen\" -> \"statistics\" [label=\"Examples → Examples\"];", dot);
        Assert.Contains("\"statistics\" -> \"validator\" [label=\"Statistics → Statistics\"];", dot);
        Assert.Contains("\"schema\" -> \"validator\" [label=\"Schema → Schema\"];", dot);
    }
}
