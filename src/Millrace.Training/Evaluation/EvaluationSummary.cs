using System.Globalization;

namespace Millrace.Training;

/// <summary>
/// The latest evaluation of a pipeline's evaluator step, read back from the metadata store, for a program to print
/// at the end of a run: the metrics recorded on the <see cref="ModelEvaluation"/> and the blessing's verdict.
/// </summary>
public static class EvaluationSummary
{
    /// <summary>
    /// Writes "Evaluation (eval split): metric value, ..." and "Blessed." or "Not blessed: why"; writes nothing when
    /// the step has never published.
    /// </summary>
    public static async Task WriteAsync(IMetadataStore store, string pipeline, string evaluatorStep, TextWriter output, CancellationToken cancellationToken = default)
    {
        if (await store.FindLatestPublishedAsync(pipeline, evaluatorStep, cancellationToken).ConfigureAwait(false) is not { } evaluator) return;
        var (evaluation, blessing) = (evaluator.Outputs[0], evaluator.Outputs[1]);
        var metrics = evaluation.Properties.Where(p => !p.Key.StartsWith("millrace.", StringComparison.Ordinal))
            .Select(p => $"{p.Key} {double.Parse(p.Value, CultureInfo.InvariantCulture).ToString("0.####", CultureInfo.InvariantCulture)}");
        await output.WriteLineAsync($"Evaluation (eval split): {string.Join(", ", metrics)}").ConfigureAwait(false);
        await output.WriteLineAsync(blessing.Properties.TryGetValue(Artifact.BlockingReasonProperty, out var reason) ? $"Not blessed: {reason}" : "Blessed.").ConfigureAwait(false);
    }
}
