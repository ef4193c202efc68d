using Millrace.Components.Validation;

namespace Millrace.Components.Tests;

public sealed class ExampleValidatorTests
{
    /// <remarks>
    /// The skewed copy differs from the labelled file in one cell: one row's culmen_length_mm is −1, outside the
    /// [0, 1] every other value lies in. That moves 1/334 of the mass far away; on 100-bucket quantile histograms
    /// (which spread the lowest bucket's few values over [−1, 0.05]) the Jensen-Shannon divergence is about 0.04,
    /// so the schema's threshold is tight (0.001); identical data gives exactly 0.
    /// </remarks>
    [Fact]
    public async Task Skewed_penguins_against_labelled_penguins_report_skew_and_block_the_consumer()
    {
        await using var root = new PipelineRoot();
        var result = await root.RunAsync(new SkewPipeline { Training = SharedData.PenguinsLabelled, Serving = SharedData.PenguinsSkewed, Threshold = 0.001 });
        var report = await AnomaliesFile.ReadAsync(Outputs.Of(result, "Validator"));

        var skew = Assert.Single(report.Anomalies);
        Assert.Equal((AnomalyKind.Skew, "culmen_length_mm", "train vs serving"), (skew.Kind, skew.Feature, skew.Split));
        Assert.InRange(skew.Value!.Value, 0.001, 0.1);
        Assert.Equal(NodeOutcome.Blocked, result["Trainer"].Outcome);
        Assert.Contains("1 blocking anomaly: Skew culmen_length_mm", result["Trainer"].Message);
    }

    [Fact]
    public async Task A_new_span_that_moved_from_the_previous_one_reports_drift_against_the_baseline_statistics()
    {
        await using var root = new PipelineRoot();
        var result = await root.RunAsync(new DriftPipeline { Previous = SharedData.PenguinsLabelled, Current = SharedData.PenguinsSkewed });
        var report = await AnomaliesFile.ReadAsync(Outputs.Of(result, "Validator"));

        var drift = Assert.Single(report.Anomalies);
        Assert.Equal((AnomalyKind.Drift, "culmen_length_mm", "baseline train vs train"), (drift.Kind, drift.Feature, drift.Split));
    }

    [Fact]
    public async Task Labelled_penguins_against_themselves_report_nothing_and_the_consumer_runs()
    {
        await using var root = new PipelineRoot();
        var result = await root.RunAsync(new SkewPipeline { Training = SharedData.PenguinsLabelled, Serving = SharedData.PenguinsLabelled, Threshold = 0.001 });
        var report = await AnomaliesFile.ReadAsync(Outputs.Of(result, "Validator"));

        Assert.Empty(report.Anomalies);
        Assert.Equal(NodeOutcome.Succeeded, result["Trainer"].Outcome);
    }

    [Fact]
    public async Task An_edited_schema_reports_missing_new_mistyped_out_of_range_unexpected_and_absent_values()
    {
        await using var root = new PipelineRoot();
        var data = root.Input("data.csv", "age,colour,extra,code\n5,red,1,a\n,blue,2,b\n120,green,3,c\n7,red,4,d\n");
        var schema = root.Input("schema.json", """
            {
              "features": [
                { "name": "age", "type": "Int64", "required": true, "minPresence": 1, "min": 0, "max": 100 },
                { "name": "colour", "type": "String", "minPresence": 0, "domain": ["red", "blue"] },
                { "name": "code", "type": "Int64", "minPresence": 0 },
                { "name": "height", "type": "Float64", "minPresence": 0 }
              ]
            }
            """);
        var report = await AnomaliesFile.ReadAsync(Outputs.Of(await root.RunAsync(new ImportedSchemaPipeline { Input = data, SchemaFile = schema }), "Validator"));

        Assert.Equal(
            [(AnomalyKind.MissingColumn, "height"), (AnomalyKind.LowPresence, "age"), (AnomalyKind.OutOfRange, "age"),
             (AnomalyKind.UnexpectedValue, "colour"), (AnomalyKind.NewColumn, "extra"), (AnomalyKind.TypeMismatch, "code")],
            report.Anomalies.Select(a => (a.Kind, a.Feature)));
        Assert.Equal(0.25, report.Anomalies.Single(a => a.Kind == AnomalyKind.UnexpectedValue).Value);
        Assert.Equal(0.75, report.Anomalies.Single(a => a.Kind == AnomalyKind.LowPresence).Value);
    }

    [Fact]
    public async Task NaN_values_in_a_float_feature_are_reported_where_the_schema_does_not_allow_them()
    {
        await using var root = new PipelineRoot();
        var data = await TestParquet.WriteAsync(Path.Combine(root.Inputs, "data.parquet"), [1, 2, 3], [0.5, double.NaN, null], ["a", "b", "a"]);
        var schema = root.Input("schema.json", """
            { "features": [
                { "name": "id", "type": "Int64", "minPresence": 0 },
                { "name": "score", "type": "Float64", "minPresence": 0, "allowNaN": false },
                { "name": "label", "type": "String", "minPresence": 0 } ] }
            """);
        var report = await AnomaliesFile.ReadAsync(Outputs.Of(await root.RunAsync(new ParquetValidationPipeline { Input = data, SchemaFile = schema }), "Validator"));

        var anomaly = Assert.Single(report.Anomalies);
        Assert.Equal((AnomalyKind.NaNNotAllowed, "score", 1.0), (anomaly.Kind, anomaly.Feature, anomaly.Value));
    }

    [Fact]
    public async Task A_schema_file_edited_between_runs_is_imported_again_and_the_data_validated_against_the_edit()
    {
        await using var root = new PipelineRoot();
        var data = root.Input("data.csv", "score\n1.5\nNA\n");
        var schema = root.Input("schema.json", """{ "features": [ { "name": "score", "type": "Float64", "minPresence": 1 } ] }""");
        var first = await root.RunAsync(new ImportedSchemaPipeline { Input = data, SchemaFile = schema });
        File.WriteAllText(schema, """{ "features": [ { "name": "score", "type": "Float64", "minPresence": 0.5 } ] }""");
        var second = await root.RunAsync(new ImportedSchemaPipeline { Input = data, SchemaFile = schema });

        Assert.Equal(AnomalyKind.LowPresence, Assert.Single((await AnomaliesFile.ReadAsync(Outputs.Of(first, "Validator"))).Anomalies).Kind);
        Assert.Equal((NodeOutcome.Cached, NodeOutcome.Succeeded), (second["ExampleGen"].Outcome, second["Schema"].Outcome));
        Assert.Empty((await AnomaliesFile.ReadAsync(Outputs.Of(second, "Validator"))).Anomalies);
    }

    [Fact]
    public async Task A_schema_file_with_a_json_mistake_fails_the_import_with_its_line_and_column()
    {
        await using var root = new PipelineRoot();
        var data = root.Input("data.csv", "a\n1\n");
        var schema = root.Input("schema.json", "{\n  \"features\": [\n    { \"name\": \"a\", \"type\": Int64 }\n  ]\n}\n");
        var result = await root.RunAsync(new ImportedSchemaPipeline { Input = data, SchemaFile = schema });

        Assert.Equal(NodeOutcome.Failed, result["Schema"].Outcome);
        Assert.StartsWith($"SchemaException: {schema}:3:", result["Schema"].Message);
    }
}
