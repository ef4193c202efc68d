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
                example-gen["ExampleGen<br/><i>CsvImport</i>"]
                statistics["Statistics<br/><i>ColumnProfile</i>"]
                validator["Validator<br/><i>RowCountGate</i>"]
                example-gen -- "Examples → Examples" --> statistics
                example-gen -- "Examples → Examples" --> validator
                statistics -- "Statistics → Statistics" --> validator

            """.Replace("\r\n", "\n"), TaxiPipeline.Graph.ToMermaid());
    }

    [Fact]
    public void Taxi_sample_graph_prints_as_dot()
    {
        var dot = TaxiPipeline.Graph.ToDot();
        Assert.StartsWith("digraph \"chicago-taxi\" {", dot);
        Assert.Contains("\"example-gen\" -> \"statistics\" [label=\"Examples → Examples\"];", dot);
        Assert.Contains("\"statistics\" -> \"validator\" [label=\"Statistics → Statistics\"];", dot);
    }
}
