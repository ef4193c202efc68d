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
        Assert.True(Metric(run.Out, "accuracy") >= 0.97, run.Out);
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
