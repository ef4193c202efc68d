using System.Globalization;
using System.Text.RegularExpressions;

namespace Millrace.Samples.Tests;

/// <summary>The samples run end to end from the repository root, on the shared data, as the README says.</summary>
public sealed partial class SampleRunTests
{
    [Fact]
    public async Task Taxi_sample_trains_a_blessed_model_above_the_issue_bar()
    {
        var run = await SampleRun.StartAsync("Taxi", "run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Blessed.", run.Out);
        Assert.Contains("Baseline: none (first model: value thresholds only)", run.Out);
        Assert.True(Metric(run.Out, "accuracy") >= 0.89, run.Out);
        Assert.True(Metric(run.Out, "auc") >= 0.94, run.Out);
        Assert.Contains("Split train:", run.Out);
        Assert.Contains("Anomalies:", run.Out);
    }

    [Fact]
    public async Task Penguin_sample_trains_a_blessed_model_above_the_issue_bar()
    {
        var run = await SampleRun.StartAsync("Penguin", "run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Blessed.", run.Out);
        Assert.Contains("Baseline: none (first model: value thresholds only)", run.Out);
        Assert.True(Metric(run.Out, "accuracy") >= 0.97, run.Out);
    }

    [Fact]
    public async Task A_second_penguin_run_evaluates_against_the_model_the_first_run_blessed_and_only_the_resolver_and_evaluator_run()
    {
        var pipelineRoot = Directory.CreateTempSubdirectory("millrace-sample-").FullName;
        try
        {
            var first = await SampleRun.StartInAsync(pipelineRoot, "Penguin", "run");
            Assert.True(first.ExitCode == 0, first.ToString());
            var second = await SampleRun.StartInAsync(pipelineRoot, "Penguin", "run");

            Assert.True(second.ExitCode == 0, second.ToString());
            Assert.Matches(@"(?m)^Baseline: model \d+: accuracy [0-9.]+", second.Out);
            Assert.Contains("Blessed.", second.Out);
            Assert.Matches(@"Run \S+ Succeeded in \d+ ms: 2 ran, 7 cached, 0 failed", second.Error);
        }
        finally
        {
            Directory.Delete(pipelineRoot, recursive: true);
        }
    }

    [Fact]
    public async Task Unknown_verb_is_one_line_and_a_usage_exit_code()
    {
        var run = await SampleRun.StartAsync("Penguin", "fly");

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("   at ", run.Error);
    }

    private static double Metric(string output, string name)
    {
        var match = EvaluationLine().Match(output);
        Assert.True(match.Success, output);
        var metric = Regex.Match(match.Value, $@"\b{name} ([0-9.]+)");
        Assert.True(metric.Success, $"No {name} in: {match.Value}");
        return double.Parse(metric.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("^Evaluation \\(eval split\\): .*$", RegexOptions.Multiline)]
    private static partial Regex EvaluationLine();
}
