using System.Globalization;

namespace Millrace.Components;

/// <summary>Records what an ExampleGen wrote on its artifact, writes the quarantine file, and fails above the allowed fraction of bad rows.</summary>
internal static class ExampleGenOutcome
{
    /// <summary>The quarantine side file's name inside the artifact.</summary>
    public const string QuarantineFile = "quarantine.csv";

    public static async Task RecordAsync(string step, Examples examples, IReadOnlyList<string> splits, IngestCounts counts, long? span,
        BadRowPolicy policy, double maxBadFraction, CancellationToken cancellationToken)
    {
        ExampleLayout.RecordSplits(examples, splits, counts.SplitRows);
        examples.SetProperty(ExampleLayout.BadRowsProperty, counts.BadRows.Count);
        if (span is { } s) examples.SetProperty(ExampleLayout.SpanProperty, s);
        if (counts.BadRows.Count == 0) return;
        await CsvIngest.WriteQuarantineAsync(examples.GetPath(QuarantineFile), counts.BadRows, cancellationToken).ConfigureAwait(false);
        double fraction = (double)counts.BadRows.Count / counts.AllRows;
        examples.SetProperty("bad_row_fraction", fraction);
        if (policy == BadRowPolicy.Quarantine && fraction > maxBadFraction)
        {
            var first = counts.BadRows[0];
            throw new ExampleGenException(string.Create(CultureInfo.InvariantCulture,
                $"Step '{step}': {counts.BadRows.Count} of {counts.AllRows} rows are bad ({fraction:P2}), above MaxBadRowFraction {maxBadFraction:P2}; the first is {first.File}:{first.Line}{(first.Column > 0 ? $":{first.Column}" : "")}: {first.Problem} Fix the input or raise MaxBadRowFraction."),
                first.File, first.Line, first.Column);
        }
    }
}
