using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Millrace.Training.Tests;

/// <summary>
/// Change thresholds against the latest blessed model: the resolver finds it in the SQLite store of earlier runs,
/// the evaluator compares the new model with it on the same rows, and the cache follows the baseline.
/// </summary>
public sealed partial class BaselineTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("millrace-baseline-").FullName;
    private SqliteMetadataStore _store = null!;

    public Task InitializeAsync()
    {
        _store = SqliteMetadataStore.OpenInRoot(_root);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    private async Task<RunResult> RunAsync(PenguinBaselinePipeline pipeline)
    {
        var result = await new LocalRunner(_store, _root).RunAsync(pipeline);
        output.WriteLine($"{result.RunId}: " + string.Join(", ", result.Nodes.Select(n => $"{n.Node} {n.Outcome}")));
        if (result["Evaluator"].HasOutputs)
            output.WriteLine("  " + string.Join(", ", result["Evaluator"].Outputs[0].Properties.Select(p => $"{p.Key}={p.Value}")) + " | " + result["Evaluator"].Outputs[1].BlockingReason);
        Assert.Equal(RunState.Succeeded, result.State);
        return result;
    }

    private static Artifact ModelOf(RunResult run) => run["Trainer"].Outputs[0];

    private static Artifact EvaluationOf(RunResult run) => run["Evaluator"].Outputs[0];

    private static Artifact BlessingOf(RunResult run) => run["Evaluator"].Outputs[1];

    private async Task<long?> BaselineInputOf(RunResult run) =>
        (await _store.GetEventsAsync(run["Evaluator"].ExecutionId!.Value)).SingleOrDefault(e => e is { Kind: EventKind.Input, Port: "Baseline" })?.ArtifactId;

    [Fact]
    public async Task The_first_run_has_no_baseline_and_its_model_is_blessed_on_value_thresholds_alone()
    {
        var first = await RunAsync(new PenguinBaselinePipeline());

        Assert.Equal(NodeOutcome.Succeeded, first["LatestBlessedModel"].Outcome);
        Assert.True(first["LatestBlessedModel"].Outputs[0].IsAbsent);
        Assert.Null(await BaselineInputOf(first));
        Assert.False(EvaluationOf(first).Properties.ContainsKey(Evaluator.BaselineModelProperty));
        Assert.Equal(1, BlessingOf(first).GetInt64Property(Evaluator.BlessedProperty));
        Assert.Null(BlessingOf(first).BlockingReason);

        var summary = new StringWriter();
        await EvaluationSummary.WriteAsync(_store, "penguin-baseline", "Evaluator", summary);
        Assert.Contains("Baseline: none (first model: value thresholds only)", summary.ToString());
    }

    [Fact]
    public async Task The_second_run_resolves_the_model_the_first_run_blessed_and_evaluates_against_it()
    {
        var first = await RunAsync(new PenguinBaselinePipeline());
        var second = await RunAsync(new PenguinBaselinePipeline { Epochs = 30 });

        var blessed = ModelOf(first);
        var resolved = second["LatestBlessedModel"].Outputs[0];
        Assert.Equal(blessed.Id, resolved.Id);
        Assert.Equal(blessed.Uri, resolved.Uri);
        Assert.NotEqual(blessed.Id, ModelOf(second).Id);
        Assert.Equal(blessed.Id, await BaselineInputOf(second));
        Assert.Equal(blessed.Id, EvaluationOf(second).GetInt64Property(Evaluator.BaselineModelProperty));
        Assert.Equal(EvaluationOf(first).GetDoubleProperty("accuracy"), EvaluationOf(second).GetDoubleProperty("baseline.accuracy"));
        Assert.Equal(first["Trainer"].ExecutionId, (await _store.GetProducerAsync(resolved.Id))!.Id);

        var summary = new StringWriter();
        await EvaluationSummary.WriteAsync(_store, "penguin-baseline", "Evaluator", summary);
        Assert.Contains($"Baseline: model {blessed.Id}: accuracy ", summary.ToString());
    }

    [Fact]
    public async Task A_model_worse_than_the_baseline_beyond_its_change_threshold_is_not_blessed_and_the_run_names_the_metric_and_the_amount()
    {
        var first = await RunAsync(new PenguinBaselinePipeline());
        var worse = await RunAsync(new PenguinBaselinePipeline { Epochs = 1 });

        double before = EvaluationOf(first).GetDoubleProperty("accuracy")!.Value;
        double after = EvaluationOf(worse).GetDoubleProperty("accuracy")!.Value;
        Assert.True(after < before - 0.01, $"the one-epoch model is not worse: {after} against {before}");
        Assert.Equal(0, BlessingOf(worse).GetInt64Property(Evaluator.BlessedProperty));
        var reason = BlessingOf(worse).BlockingReason;
        Assert.NotNull(reason);
        var match = ChangeFailure().Match(reason);
        Assert.True(match.Success, reason);
        Assert.Equal(Round(after), Number(match, "value"));
        Assert.Equal(Round(after - before), Number(match, "change"));
        Assert.Equal(Round(before), Number(match, "before"));
        Assert.Equal(Round(before - 0.01 - after), Number(match, "shortfall"));
        Assert.Equal(ModelOf(first).Id.ToString(CultureInfo.InvariantCulture), match.Groups["model"].Value);

        var summary = new StringWriter();
        await EvaluationSummary.WriteAsync(_store, "penguin-baseline", "Evaluator", summary);
        Assert.Contains("Not blessed: model not blessed: accuracy ", summary.ToString());
    }

    [Fact]
    public async Task A_model_that_was_not_blessed_is_never_chosen_as_the_baseline()
    {
        // The first model misses a value threshold: the second run still has no baseline.
        var unblessed = await RunAsync(new PenguinBaselinePipeline { Epochs = 1, Thresholds = ["accuracy >= 1.01"] });
        Assert.Equal(0, BlessingOf(unblessed).GetInt64Property(Evaluator.BlessedProperty));
        var good = await RunAsync(new PenguinBaselinePipeline());
        Assert.True(good["LatestBlessedModel"].Outputs[0].IsAbsent);
        Assert.Null(BlessingOf(good).BlockingReason);

        // A newer model that misses its change threshold is passed over for the older blessed one.
        var worse = await RunAsync(new PenguinBaselinePipeline { Epochs = 2 });
        Assert.NotNull(BlessingOf(worse).BlockingReason);
        var next = await RunAsync(new PenguinBaselinePipeline { Epochs = 30 });
        Assert.True(ModelOf(worse).Id > ModelOf(good).Id);
        Assert.Equal(ModelOf(good).Id, next["LatestBlessedModel"].Outputs[0].Id);
        Assert.Equal(ModelOf(good).Id, await BaselineInputOf(next));
    }

    [Fact]
    public async Task The_resolver_runs_on_every_run_while_the_other_steps_come_from_the_cache_until_the_baseline_changes()
    {
        var first = await RunAsync(new PenguinBaselinePipeline());
        var second = await RunAsync(new PenguinBaselinePipeline());
        var third = await RunAsync(new PenguinBaselinePipeline());

        // Run 2 evaluates run 1's (cached) model against itself: a new baseline, so a new evaluation, blessed.
        Assert.Equal(NodeOutcome.Succeeded, second["LatestBlessedModel"].Outcome);
        Assert.All(new[] { "ExampleGen", "Transform", "Trainer" }, step => Assert.Equal(NodeOutcome.Cached, second[step].Outcome));
        Assert.Equal(NodeOutcome.Succeeded, second["Evaluator"].Outcome);
        Assert.Equal(ModelOf(first).Id, await BaselineInputOf(second));
        Assert.Null(BlessingOf(second).BlockingReason);
        // Run 3 resolves the same baseline: only the resolver runs.
        Assert.Equal(NodeOutcome.Succeeded, third["LatestBlessedModel"].Outcome);
        Assert.All(new[] { "ExampleGen", "Transform", "Trainer", "Evaluator" }, step => Assert.Equal(NodeOutcome.Cached, third[step].Outcome));

        // A newer blessed model changes the baseline of a model that is cached: its evaluation is not reused.
        var other = await RunAsync(new PenguinBaselinePipeline { Epochs = 30 });
        Assert.Null(BlessingOf(other).BlockingReason);
        var back = await RunAsync(new PenguinBaselinePipeline());
        Assert.Equal(NodeOutcome.Cached, back["Trainer"].Outcome);
        Assert.Equal(ModelOf(other).Id, back["LatestBlessedModel"].Outputs[0].Id);
        Assert.Equal(NodeOutcome.Succeeded, back["Evaluator"].Outcome);
        Assert.Equal(ModelOf(other).Id, await BaselineInputOf(back));
    }

    private static string Round(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Number(Match match, string group) => match.Groups[group].Value;

    [GeneratedRegex(@"^model not blessed: accuracy (?<value>[-\d.]+) changed by (?<change>[-\d.]+) against the baseline's (?<before>[-\d.]+), needs -0\.01 \([-\d.]+\) by (?<shortfall>[-\d.]+) \(baseline: model (?<model>\d+)\)$")]
    private static partial Regex ChangeFailure();
}
