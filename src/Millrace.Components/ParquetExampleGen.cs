using Microsoft.Extensions.Logging;

namespace Millrace.Components;

/// <summary>
/// Ingests Parquet files into <see cref="Examples"/>: reads them row group by row group and writes Parquet per
/// split, split deterministically by a hash of a column or of the row (train:eval 2:1 by default), or one input per
/// split. Integer and float columns are widened to int64 and float64; timestamps become strings
/// (<see cref="ExampleReader.TimestampFormat"/>).
/// </summary>
[Component]
public sealed partial class ParquetExampleGen : IExternalInputs
{
    /// <summary>The Parquet file, or a pattern with <c>{SPAN}</c> (the newest span is taken) and <c>*</c> wildcards.</summary>
    [Parameter] public string InputPath { get; init; } = "";

    /// <summary>Splits given as separate inputs, each <c>name=path-or-pattern</c>; replaces the hash split.</summary>
    [Parameter] public string[] InputSplits { get; init; } = [];

    /// <summary>The names of the hash splits.</summary>
    [Parameter] public string[] SplitNames { get; init; } = ["train", "eval"];

    /// <summary>The relative sizes of the hash splits, one per name.</summary>
    [Parameter] public int[] SplitWeights { get; init; } = [2, 1];

    /// <summary>The column whose value decides a row's split; empty hashes the whole row.</summary>
    [Parameter] public string SplitColumn { get; init; } = "";

    /// <summary>How the Parquet files are compressed.</summary>
    [Parameter] public ExampleCompression Compression { get; init; } = ExampleCompression.Snappy;

    [Output] public Examples Examples { get; init; } = null!;

    /// <summary>The files of every input, patterns resolved as the step resolves them (see <see cref="IExternalInputs"/>).</summary>
    IEnumerable<string> IExternalInputs.ExternalFiles() => SplitPlan.ExternalFiles(nameof(ParquetExampleGen), InputPath, InputSplits, SplitNames);

    public async ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        var step = context.NodeName;
        var plan = SplitPlan.From(step, InputPath, InputSplits, SplitNames);
        var counts = new IngestCounts(plan.Names.Count);
        long? span = null;
        await using (var writers = new SplitWriters(Examples, plan.Names, Compression))
        {
            for (int i = 0; i < plan.Inputs.Count; i++)
            {
                var (files, inputSpan) = InputPattern.Resolve(plan.Inputs[i].Pattern);
                span = inputSpan ?? span;
                context.Logger.LogInformation("Step {Step}: ingesting {Files}", step, string.Join(", ", files));
                foreach (var file in files)
                {
                    var (names, types) = await ExampleReader.ReadSchemaAsync(file, cancellationToken).ConfigureAwait(false);
                    await writers.EnsureCreatedAsync(names, types, file, cancellationToken).ConfigureAwait(false);
                    var assigner = plan.Hashed ? plan.Assigner(step, names, SplitColumn, SplitWeights) : null;
                    await foreach (var table in ExampleReader.ReadTablesAsync([file], cancellationToken).ConfigureAwait(false))
                    {
                        var all = Enumerable.Range(0, table.RowCount).ToArray();
                        var perSplit = assigner?.Assign(table, all) ?? Enumerable.Range(0, plan.Names.Count).Select(s => s == i ? all : []).ToArray();
                        for (int s = 0; s < perSplit.Length; s++)
                        {
                            await writers[s].WriteAsync(table, perSplit[s], cancellationToken).ConfigureAwait(false);
                            counts.SplitRows[s] += perSplit[s].Length;
                        }
                    }
                }
            }
        }
        await ExampleGenOutcome.RecordAsync(step, Examples, plan.Names, counts, span, BadRowPolicy.Fail, 0, cancellationToken).ConfigureAwait(false);
    }
}
