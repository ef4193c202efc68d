using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Millrace.Training;

/// <summary>
/// Evaluates a model on the eval split, overall and per slice, with permutation feature importance; checks value
/// thresholds, and change thresholds against a baseline model evaluated on the same rows when one is wired (wire
/// <see cref="LatestBlessedModelResolver"/>'s output for the latest blessed model). A model that misses any is not
/// blessed, and the blessing says which metric missed by how much.
/// </summary>
[Component]
public sealed partial class Evaluator
{
    /// <summary>The file of a <see cref="ModelEvaluation"/> holding the whole report as JSON.</summary>
    public const string ReportFile = "evaluation.json";

    /// <summary>The <see cref="ModelBlessing"/> property that is 1 for a blessed model and 0 otherwise.</summary>
    public const string BlessedProperty = "blessed";

    /// <summary>
    /// The <see cref="ModelEvaluation"/> property holding the baseline model's artifact id; the baseline's metrics
    /// follow as <c>baseline.&lt;metric&gt;</c>. Absent when there was no baseline.
    /// </summary>
    public const string BaselineModelProperty = "baseline.model";

    [Input] public required Examples Examples { get; init; }

    [Input] public required Model Model { get; init; }

    /// <summary>The latest blessed model, for change thresholds; the first model has none.</summary>
    [Input(Optional = true)] public Model? Baseline { get; init; }

    [Output] public ModelEvaluation Evaluation { get; init; } = null!;

    [Output] public ModelBlessing Blessing { get; init; } = null!;

    /// <summary>The split evaluated.</summary>
    [Parameter] public string EvalSplit { get; init; } = "eval";

    /// <summary>Columns whose values slice the metrics.</summary>
    [Parameter] public string[] SliceColumns { get; init; } = [];

    /// <summary>Thresholds as text: <c>auc &gt;= 0.94</c>, <c>log_loss &lt;= 0.3</c>, <c>auc change &gt;= -0.01</c>.</summary>
    [Parameter] public string[] Thresholds { get; init; } = [];

    /// <summary>Seeds permutation importance; negative skips it.</summary>
    [Parameter] public int PermutationSeed { get; init; } = 42;

    public async ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        var thresholds = MetricThresholdParser.Parse(Thresholds);
        var eval = await ExampleTables.ReadSplitAsync(Examples, EvalSplit, cancellationToken).ConfigureAwait(false);
        using var model = TrainedModel.Load(Model);
        var report = ModelEvaluator.Evaluate(model, eval, SliceColumns, PermutationSeed >= 0 ? PermutationSeed : null);
        IReadOnlyDictionary<string, double>? baseline = null;
        string comparison;
        if (Baseline is null)
        {
            comparison = "no baseline: first model, value thresholds only";
        }
        else if (Baseline.Id == Model.Id)
        {
            // A rerun whose trainer came from the cache evaluates the very model an earlier run blessed: it is its own
            // baseline, and every change is zero. Comparing would fail a threshold that asks for an improvement.
            baseline = report.Overall;
            comparison = $"the baseline is this same model {Baseline.Id}, blessed before; change thresholds are not checked";
        }
        else
        {
            using var previous = TrainedModel.Load(Baseline);
            baseline = ModelEvaluator.Evaluate(previous, eval, [], permutationSeed: null).Overall;
            comparison = $"against baseline model {Baseline.Id}";
        }
        var failures = ThresholdCheck.Check(report.Overall, thresholds, Baseline is null || Baseline.Id == Model.Id ? null : baseline);

        await File.WriteAllTextAsync(Evaluation.GetPath(ReportFile), JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }), cancellationToken).ConfigureAwait(false);
        foreach (var (name, value) in report.Overall) Evaluation.SetProperty(name, value);
        if (Baseline is not null)
        {
            Evaluation.SetProperty(BaselineModelProperty, Baseline.Id);
            foreach (var (name, value) in baseline!) Evaluation.SetProperty("baseline." + name, value);
        }
        Blessing.SetProperty(BlessedProperty, failures.Count == 0 ? 1 : 0);
        if (failures.Count > 0)
            Blessing.BlockingReason = "model not blessed: " + string.Join("; ", failures.Select(f => f.Message)) + (failures.Any(f => f.AgainstBaseline) ? $" (baseline: model {Baseline!.Id})" : "");
        context.Logger.LogInformation("Step {Step}: {Metrics}; {Comparison}; {Verdict}", context.NodeName,
            string.Join(", ", report.Overall.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} {m.Value:0.####}"))),
            comparison, Blessing.BlockingReason ?? "blessed");
    }
}
