using System.Globalization;

namespace Millrace.Training;

/// <summary>
/// The latest evaluation of a pipeline's evaluator step, read back from the metadata store, for a program to print
/// at the end of a run: the metrics recorded on the <see cref="ModelEvaluation"/>, the baseline's, and the blessing's verdict.
/// </summary>
public static class EvaluationSummary
{
    /// <summary>
    /// Writes "Evaluation (eval split): metric value, ...", then "Baseline: model N: metric value, ..." or "Baseline:
    /// none (first model)", then "Blessed." or "Not blessed: why"; writes nothing when the step has never published.
    /// </summary>
    public static async Task WriteAsync(IMetadataReader store, string pipeline, string evaluatorStep, TextWriter output, CancellationToken cancellationToken = default)
    {
        if (await store.FindLatestPublishedAsync(pipeline, evaluatorStep, cancellationToken).ConfigureAwait(false) is not { } evaluator) return;
        var (evaluation, blessing) = (evaluator.Outputs[0], evaluator.Outputs[1]);
        var metrics = evaluation.Properties.Where(p => !p.Key.StartsWith("millrace.", StringComparison.Ordinal) && !p.Key.StartsWith("baseline.", StringComparison.Ordinal))
            .Select(p => $"{p.Key} {Number(p.Value)}");
        await output.WriteLineAsync($"Evaluation (eval split): {string.Join(", ", metrics)}").ConfigureAwait(false);
        if (evaluation.Properties.TryGetValue(Evaluator.BaselineModelProperty, out var baseline))
        {
            var baselineMetrics = evaluation.Properties.Where(p => p.Key.StartsWith("baseline.", StringComparison.Ordinal) && p.Key != Evaluator.BaselineModelProperty)
                .Select(p => $"{p.Key["baseline.".Length..]} {Number(p.Value)}");
            await output.WriteLineAsync($"Baseline: model {baseline}: {string.Join(", ", baselineMetrics)}").ConfigureAwait(false);
        }
        else
        {
            await output.WriteLineAsync("Baseline: none (first model: value thresholds only)").ConfigureAwait(false);
        }
        await output.WriteLineAsync(blessing.Properties.TryGetValue(Artifact.BlockingReasonProperty, out var reason) ? $"Not blessed: {reason}" : "Blessed.").ConfigureAwait(false);
    }

    private static string Number(string text) => double.Parse(text, CultureInfo.InvariantCulture).ToString("0.####", CultureInfo.InvariantCulture);
}
