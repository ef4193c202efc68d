using Xunit.Abstractions;

namespace Millrace.Training.Tests;

public sealed class PipelineTests(ITestOutputHelper output)
{
    private static async Task<(RunResult Result, string Root)> RunAsync(IPipeline pipeline)
    {
        var root = Directory.CreateTempSubdirectory("millrace-training-").FullName;
        await using var store = SqliteMetadataStore.OpenInRoot(root);
        return (await new LocalRunner(store, root).RunAsync(pipeline), root);
    }

    [Fact]
    public async Task The_penguin_pipeline_ingests_transforms_trains_and_blesses_a_model_that_serves_raw_rows()
    {
        var (result, root) = await RunAsync(new PenguinPipeline());
        try
        {
            Assert.All(result.Nodes, n => Assert.Equal(NodeOutcome.Succeeded, n.Outcome));
            var evaluation = result["Evaluator"].Outputs[0];
            var blessing = result["Evaluator"].Outputs[1];
            Assert.True(evaluation.GetDoubleProperty("accuracy") >= 0.97, $"accuracy {evaluation.GetDoubleProperty("accuracy")}");
            Assert.Equal(1, blessing.GetInt64Property("blessed"));
            using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(evaluation.GetPath(Evaluator.ReportFile)));
            Assert.Equal(3, report.RootElement.GetProperty("ConfusionMatrix").GetArrayLength());
            Assert.Equal(3, report.RootElement.GetProperty("Slices").EnumerateObject().Count());
            var tuned = result["Tuner"].Outputs[0];
            Assert.Equal(4 + 2 + 1, tuned.Properties.Keys.Count(k => k.StartsWith("trial.", StringComparison.Ordinal)));
            Assert.Null(blessing.BlockingReason);
            Assert.False(Directory.Exists(Path.Combine(root, ".checkpoints")) && Directory.EnumerateFileSystemEntries(Path.Combine(root, ".checkpoints")).Any());

            using var model = TrainedModel.Load((Model)result["Trainer"].Outputs[0]);
            var probabilities = model.PredictRow(new Dictionary<string, object?>
            {
                ["culmen_length_mm"] = 0.25, ["culmen_depth_mm"] = 0.67, ["flipper_length_mm"] = 0.15, ["body_mass_g"] = 0.29,
            });
            Assert.Equal(0, Array.IndexOf(probabilities, probabilities.Max()));
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    [Fact]
    public async Task A_model_that_misses_a_threshold_is_not_blessed_and_the_blessing_says_which_metric_missed_by_how_much()
    {
        var (result, root) = await RunAsync(new PenguinPipeline { Thresholds = ["accuracy >= 1.01"] });
        try
        {
            var reason = result["Evaluator"].Outputs[1].BlockingReason;
            Assert.NotNull(reason);
            Assert.Matches(@"^model not blessed: accuracy [\d.]+ below its lower bound \(1\.01\) by [\d.]+$", reason);
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    [Fact]
    public async Task A_feature_spec_naming_a_missing_column_fails_the_transform_with_a_clear_message_and_publishes_nothing()
    {
        var (result, root) = await RunAsync(new MisspelledPenguinPipeline());
        try
        {
            var transform = result["Transform"];
            Assert.Equal(NodeOutcome.Failed, transform.Outcome);
            Assert.Contains("'beak_colour'", transform.Message);
            Assert.Empty(transform.Outputs);
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    [Fact]
    public async Task The_taxi_pipeline_blesses_a_model_with_accuracy_and_auc_above_the_issue_bar_on_the_example_gen_eval_split()
    {
        var (result, root) = await RunAsync(new TaxiTrainingPipeline());
        try
        {
            Assert.All(result.Nodes, n => Assert.Equal(NodeOutcome.Succeeded, n.Outcome));
            var evaluation = result["Evaluator"].Outputs[0];
            output.WriteLine(string.Join(", ", evaluation.Properties.Select(p => $"{p.Key}={p.Value}")));
            Assert.Null(result["Evaluator"].Outputs[1].BlockingReason);
            Assert.True(evaluation.GetDoubleProperty("accuracy") >= 0.89 && evaluation.GetDoubleProperty("auc") >= 0.94,
                $"accuracy {evaluation.GetDoubleProperty("accuracy")}, auc {evaluation.GetDoubleProperty("auc")}");
        }
        finally { Directory.Delete(root, recursive: true); }
    }
}
