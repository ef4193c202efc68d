using System.Globalization;

namespace Millrace.Samples.Penguin;

/// <summary>Prints the latest evaluation of the penguin model and its verdict, read back from the metadata store.</summary>
internal static class EvaluationSummary
{
    public static async Task PrintAsync(IMetadataStore store, TextWriter output)
    {
        if (await store.FindLatestPublishedAsync(PenguinPipeline.Graph.Name, nameof(PenguinPipeline.Evaluator)) is not { } evaluator) return;
        var (evaluation, blessing) = (evaluator.Outputs[0], evaluator.Outputs[1]);
        var metrics = evaluation.Properties.Where(p => !p.Key.StartsWith("millrace.", StringComparison.Ordinal))
            .Select(p => $"{p.Key} {double.Parse(p.Value, CultureInfo.InvariantCulture).ToString("0.####", CultureInfo.InvariantCulture)}");
        output.WriteLine($"Evaluation (eval split): {string.Join(", ", metrics)}");
        output.WriteLine(blessing.Properties.TryGetValue(Artifact.BlockingReasonProperty, out var reason) ? $"Not blessed: {reason}" : "Blessed.");
    }
}
