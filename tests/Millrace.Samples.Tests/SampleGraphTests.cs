using Millrace.Samples.Taxi;

namespace Millrace.Samples.Tests;

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
                transform["Transform<br/><i>Transform&lt;TaxiFeatures&gt;</i>"]
                tuner["Tuner<br/><i>Tuner&lt;TaxiModel&gt;</i>"]
                trainer["Trainer<br/><i>Trainer&lt;TaxiModel&gt;</i>"]
                latest-blessed-model["LatestBlessedModel<br/><i>LatestBlessedModelResolver</i>"]
                evaluator["Evaluator<br/><i>Evaluator</i>"]
                example-gen -- "Examples → Examples" --> statistics
                statistics -- "Statistics → Statistics" --> schema
                statistics -- "Statistics → Statistics" --> validator
                schema -- "Schema → Schema" --> validator
                example-gen -- "Examples → Examples" --> transform
                validator -- "Anomalies → Anomalies" --> transform
                example-gen -- "Examples → Examples" --> tuner
                transform -- "Graph → Graph" --> tuner
                example-gen -- "Examples → Examples" --> trainer
                transform -- "Graph → Graph" --> trainer
                tuner -- "HyperParameters → HyperParameters" --> trainer
                example-gen -- "Examples → Examples" --> evaluator
                trainer -- "Model → Model" --> evaluator
                latest-blessed-model -- "Model → Baseline" --> evaluator

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
