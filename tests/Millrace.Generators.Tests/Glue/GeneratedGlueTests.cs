using System.Globalization;

namespace Millrace.Generators.Tests.Glue;

/// <summary>What the generated code does at run time, on types this project compiles with the real generator.</summary>
public sealed class GeneratedGlueTests
{
    private static readonly IPipeline Pipeline = new Diamond { SourceRows = 7 };

    [Fact]
    public void Graph_orders_steps_topologically_keeping_declaration_order_for_ties()
    {
        Assert.Equal(["Join", "Unused", "Source", "Left", "Right"], Diamond.Graph.Nodes.Select(n => n.Name));
        Assert.Equal([1, 2, 3, 4, 0], Diamond.Graph.TopologicalOrder.ToArray());
    }

    [Fact]
    public void Graph_layers_group_independent_steps()
    {
        Assert.Equal([[1, 2], [3, 4], [0]], Diamond.Graph.Layers.Select(layer => layer.ToArray()));
    }

    [Fact]
    public void Graph_edges_connect_ports_by_index()
    {
        var join = Diamond.Graph.FindNode("join")!;
        var incoming = Diamond.Graph.IncomingEdges(join.Index);
        Assert.Equal(["Left.Scaled → Join.Left", "Right.Scaled → Join.Right"], incoming.Select(e =>
            $"{Diamond.Graph.Nodes[e.Source].Name}.{Diamond.Graph.Nodes[e.Source].Component.Outputs[e.SourcePort].Name} → " +
            $"{join.Name}.{join.Component.Inputs[e.TargetPort].Name}"));
    }

    [Fact]
    public void CreateStep_wires_the_given_inputs_and_fresh_outputs()
    {
        var examples = new Examples();
        var step = Pipeline.CreateStep(3, [examples, null]);

        var scale = Assert.IsType<Scale<Doubler>>(step);
        Assert.Same(examples, scale.Examples);
        Assert.Null(scale.Schema);
        Assert.Equal([examples, null], step.GetInputs());
        var output = Assert.Single(step.GetOutputs());
        Assert.Same(scale.Scaled, output);
        Assert.Equal("", output.Uri);
    }

    [Fact]
    public void CreateStep_evaluates_parameter_expressions_on_the_pipeline_instance()
    {
        var source = Assert.IsType<MakeExamples>(Pipeline.CreateStep(2, []));
        Assert.Equal(7, source.Rows);
        Assert.Equal(10, Assert.IsType<MakeExamples>(Pipeline.CreateStep(1, [])).Rows);
    }

    [Fact]
    public void CreateStep_rejects_an_unknown_node()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Pipeline.CreateStep(5, []));
        Assert.Contains("Pipeline 'diamond' has 5 steps", error.Message);
    }

    [Fact]
    public void Parameters_encode_as_canonical_json_ordered_by_name()
    {
        var step = Pipeline.CreateStep(3, [new Examples(), null]);

        Assert.Equal(
            """{"Clip":{"High":1,"Low":-1},"Columns":["a","b"],"Ratio":0.25,"Rounding":"Down","Timeout":"00:01:00"}""",
            ParameterWriter.Encode(step));
    }

    [Fact]
    public void Parameter_encoding_does_not_depend_on_the_current_culture()
    {
        var step = Pipeline.CreateStep(3, [new Examples(), null]);
        var invariant = ParameterWriter.Encode(step);
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(invariant, ParameterWriter.Encode(step));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Different_parameters_encode_differently()
    {
        var left = ParameterWriter.Encode(Pipeline.CreateStep(3, [new Examples(), null]));
        var right = ParameterWriter.Encode(Pipeline.CreateStep(4, [new Examples(), null]));
        Assert.NotEqual(left, right);
        Assert.Equal("""{"Clip":null,"Columns":[],"Ratio":0.5,"Rounding":"Nearest","Timeout":"00:01:00"}""", right);
    }

    [Fact]
    public void Generic_component_identity_includes_its_type_argument()
    {
        var descriptor = Scale<Doubler>.ComponentDescriptor;
        Assert.Equal("Millrace.Generators.Tests.Glue.Scale<Millrace.Generators.Tests.Glue.Doubler>", descriptor.Id);
        Assert.Equal("Scale<Doubler>", descriptor.Name);
        Assert.Equal("Scales examples by TScaler.", descriptor.Summary);
        Assert.Contains(typeof(Doubler).Assembly, descriptor.CodeAssemblies);
    }

    [Fact]
    public void Descriptor_lists_ports_in_declaration_order_and_parameters_by_name()
    {
        var descriptor = Scale<Doubler>.ComponentDescriptor;
        Assert.Equal([("Examples", typeof(Examples), false), ("Schema", typeof(Schema), true)],
            descriptor.Inputs.Select(p => (p.Name, p.ArtifactType, p.IsOptional)));
        Assert.Equal(["Scaled"], descriptor.Outputs.Select(p => p.Name));
        Assert.Equal(["Clip", "Columns", "Ratio", "Rounding", "Timeout"], descriptor.Parameters.Select(p => p.Name));
        Assert.Equal("0.5", descriptor.Parameters.Single(p => p.Name == "Ratio").DefaultValue);
    }
}
