using Microsoft.Extensions.Logging;
using Millrace.Compute.IO;

namespace Millrace.Components;

/// <summary>
/// Ingests CSV files into <see cref="Examples"/>: Parquet per split, split deterministically by a hash of a
/// column or of the row (train:eval 2:1 by default), or one input per split. Reads with Sep in parallel blocks;
/// infers column types, with overrides; bad rows fail the step or are quarantined.
/// </summary>
[Component]
public sealed partial class CsvExampleGen : IExternalInputs
{
    /// <summary>The CSV file, or a pattern with <c>{SPAN}</c> (the newest span is taken) and <c>*</c> wildcards.</summary>
    [Parameter] public string InputPath { get; init; } = "";

    /// <summary>Splits given as separate inputs, each <c>name=path-or-pattern</c>; replaces the hash split.</summary>
    [Parameter] public string[] InputSplits { get; init; } = [];

    /// <summary>The names of the hash splits.</summary>
    [Parameter] public string[] SplitNames { get; init; } = ["train", "eval"];

    /// <summary>The relative sizes of the hash splits, one per name.</summary>
    [Parameter] public int[] SplitWeights { get; init; } = [2, 1];

    /// <summary>The column whose value decides a row's split (rows with equal values stay together); empty hashes the whole row.</summary>
    [Parameter] public string SplitColumn { get; init; } = "";

    /// <summary>The field separator; empty detects it from the header.</summary>
    [Parameter] public string Separator { get; init; } = "";

    /// <summary>Column types that override inference, each <c>column=Int64|Float64|String</c>.</summary>
    [Parameter] public string[] TypeOverrides { get; init; } = [];

    /// <summary>Cell texts read as missing values.</summary>
    [Parameter] public string[] MissingValues { get; init; } = ["", "NA", "N/A", "NaN", "nan", "null", "NULL"];

    /// <summary>What to do with a row that cannot be read.</summary>
    [Parameter] public BadRowPolicy BadRows { get; init; } = BadRowPolicy.Fail;

    /// <summary>With <see cref="BadRowPolicy.Quarantine"/>, the largest fraction of bad rows that still succeeds.</summary>
    [Parameter] public double MaxBadRowFraction { get; init; } = 0.01;

    /// <summary>How the Parquet files are compressed.</summary>
    [Parameter] public ExampleCompression Compression { get; init; } = ExampleCompression.Snappy;

    [Output] public Examples Examples { get; init; } = null!;

    /// <summary>The files of every input, patterns resolved as the step resolves them (see <see cref="IExternalInputs"/>).</summary>
    IEnumerable<string> IExternalInputs.ExternalFiles() => SplitPlan.ExternalFiles(nameof(CsvExampleGen), InputPath, InputSplits, SplitNames);

    public async ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        var step = context.NodeName;
        var plan = SplitPlan.From(step, InputPath, InputSplits, SplitNames);
        var options = new CsvReadOptions
        {
            Separator = Separator.Length switch { 0 => null, 1 => Separator[0], _ => throw new ExampleGenException($"Step '{step}': Separator '{Separator}' must be one character.") },
            TypeOverrides = ParseOverrides(step, TypeOverrides),
            MissingValues = MissingValues,
        };
        var ingest = new CsvIngest(step, options, BadRows);
        var counts = new IngestCounts(plan.Names.Count);
        long? span = null;
        await using (var writers = new SplitWriters(Examples, plan.Names, Compression))
        {
            for (int i = 0; i < plan.Inputs.Count; i++)
            {
                var (files, inputSpan) = InputPattern.Resolve(plan.Inputs[i].Pattern);
                span = inputSpan ?? span;
                context.Logger.LogInformation("Step {Step}: ingesting {Files}", step, string.Join(", ", files));
                await ingest.IngestAsync(files, plan.Hashed ? names => plan.Assigner(step, names, SplitColumn, SplitWeights) : null,
                    plan.Hashed ? null : i, writers, counts, cancellationToken).ConfigureAwait(false);
            }
        }
        await ExampleGenOutcome.RecordAsync(step, Examples, plan.Names, counts, span, BadRows, MaxBadRowFraction, cancellationToken).ConfigureAwait(false);
    }

    private static Dictionary<string, ColumnType> ParseOverrides(string step, string[] overrides) =>
        overrides.Select(entry => entry.Split('=', 2) is [var column, var type] && Enum.TryParse<ColumnType>(type.Trim(), ignoreCase: true, out var parsed)
                ? (column.Trim(), parsed)
                : throw new ExampleGenException($"Step '{step}': TypeOverrides entry '{entry}' must read 'column=Int64', 'column=Float64' or 'column=String'."))
            .ToDictionary(p => p.Item1, p => p.parsed);
}
