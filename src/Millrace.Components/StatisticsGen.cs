using Microsoft.Extensions.Logging;
using Millrace.Components.Statistics;
using Millrace.Compute;
using Millrace.Compute.IO;

namespace Millrace.Components;

/// <summary>
/// Computes per-split, per-feature statistics of <see cref="Examples"/>: count, missing, mean, standard deviation,
/// min, max, zeros, median and quantiles (KLL), equal-width and quantile histograms; for strings, unique count,
/// top-k and average length. Row groups stream through the Compute kernels, whose partial states merge, so a
/// split larger than memory works; the equal-width histogram reuses the values when they fit the memory budget and
/// reads the split a second time otherwise.
/// </summary>
[Component]
public sealed partial class StatisticsGen
{
    [Input] public required Examples Examples { get; init; }

    [Output] public ExampleStatistics Statistics { get; init; } = null!;

    /// <summary>How many most frequent values of a string feature are kept.</summary>
    [Parameter] public int TopK { get; init; } = 20;

    /// <summary>A string feature with at most this many distinct values keeps every value's count (its categorical domain).</summary>
    [Parameter] public int MaxDomainValues { get; init; } = 1000;

    /// <summary>The buckets of each histogram.</summary>
    [Parameter] public int HistogramBuckets { get; init; } = 10;

    /// <summary>The quantiles reported besides the median.</summary>
    [Parameter] public double[] QuantileFractions { get; init; } = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99];

    /// <summary>Run the kernels on a CUDA GPU when there is one.</summary>
    [Parameter] public bool UseGpu { get; init; } = true;

    /// <summary>The most bytes of values kept between the two passes, per split (a dictionary-encoded column keeps only its distinct values and counts); above it, a split is read twice.</summary>
    [Parameter] public long RetainedBytesBudget { get; init; } = 1L << 30;

    public async ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        var settings = new StatisticsSettings(TopK, MaxDomainValues, HistogramBuckets, QuantileFractions);
        using var kernels = ColumnKernels.Create(UseGpu);
        context.Logger.LogInformation("Step {Step}: statistics kernels on {Kernels}", context.NodeName, kernels.Name);
        var model = new DatasetStatistics();
        var splits = ExampleLayout.SplitNames(Examples);
        // Splits are summarised at the same time: within a row group one long column (a many-valued string) is
        // often the last to finish, and another split's columns keep the other cores busy meanwhile. The kernels
        // are safe to call concurrently (the GPU ones serialise on their accelerator).
        int done = 0;
        var results = await Task.WhenAll(splits.Select(split => Task.Run(async () =>
        {
            var statistics = await SummariseSplitAsync(kernels, split, settings, cancellationToken).ConfigureAwait(false);
            context.ReportProgress((double)Interlocked.Increment(ref done) / splits.Count, $"split {split}");
            return statistics;
        }, cancellationToken))).ConfigureAwait(false);
        model.Splits.AddRange(results);
        await StatisticsFile.WriteAsync(Statistics, model, cancellationToken).ConfigureAwait(false);
        Statistics.Properties[ExampleLayout.SplitNamesProperty] = string.Join(',', model.Splits.Select(s => s.Name));
        Statistics.SetProperty("features", model.Splits.Count == 0 ? 0 : model.Splits[0].Features.Count);
    }

    private async Task<SplitStatistics> SummariseSplitAsync(IColumnKernels kernels, string split, StatisticsSettings settings, CancellationToken cancellationToken)
    {
        FeatureAccumulator[]? features = null;
        long rows = 0;
        // Dictionary-encoded columns arrive as distinct values and row counts; the others decoded.
        await foreach (var columns in ExampleReader.ReadSplitCountsAsync(Examples, split, cancellationToken).ConfigureAwait(false))
        {
            features ??= columns.Select(c => c.Column is { } column ? new FeatureAccumulator(column.Name, column.Type) : new FeatureAccumulator(c.Counts!.Name, c.Counts.Type)).ToArray();
            rows += columns.Count == 0 ? 0 : columns[0].Rows;
            // Columns in parallel; each kernel also splits a long column into chunks across cores.
            Parallel.For(0, features.Length, c => features[c].Add(kernels, columns[c]));
            if (features.Sum(f => f.RetainedBytes) > RetainedBytesBudget)
                foreach (var feature in features) feature.Retained = null;
        }
        if (features is null)
        {
            var (names, types) = await ExampleReader.ReadSchemaAsync(ExampleLayout.SplitFiles(Examples, split)[0], cancellationToken).ConfigureAwait(false);
            features = names.Select((n, i) => new FeatureAccumulator(n, types[i])).ToArray();
        }
        var histograms = await EqualWidthHistogramsAsync(kernels, split, features, cancellationToken).ConfigureAwait(false);
        return new SplitStatistics
        {
            Name = split,
            RowCount = rows,
            Features = features.Select((f, i) => FeatureSummary.Build(f, histograms[i], settings)).ToList(),
        };
    }

    /// <summary>The equal-width histogram of each numeric feature over its [min, max], from the retained values or a second read.</summary>
    private async Task<EqualWidthHistogram?[]> EqualWidthHistogramsAsync(IColumnKernels kernels, string split, FeatureAccumulator[] features, CancellationToken cancellationToken)
    {
        var histograms = features.Select(f => f.Type == ColumnType.String || !HasFiniteRange(f.Moments) ? null
            : new EqualWidthHistogram(f.Moments.Min, f.Moments.Max, HistogramBuckets)).ToArray();
        if (features.All(f => f.Retained is not null))
        {
            Parallel.For(0, features.Length, c =>
            {
                if (histograms[c] is { } histogram)
                    foreach (var values in features[c].Retained!) FeatureAccumulator.AddToHistogram(kernels, histogram, values);
            });
            return histograms;
        }
        await foreach (var table in ExampleReader.ReadSplitTablesAsync(Examples, split, cancellationToken).ConfigureAwait(false))
            Parallel.For(0, features.Length, c =>
            {
                if (histograms[c] is { } histogram) FeatureAccumulator.AddToHistogram(kernels, histogram, FeatureAccumulator.ValuesOf(table.Columns[c]));
            });
        return histograms;
    }

    private static bool HasFiniteRange(MomentsState moments) => moments.Count > 0 && double.IsFinite(moments.Min) && double.IsFinite(moments.Max);
}
