using BenchmarkDotNet.Attributes;
using Millrace.Compute;
using Millrace.Compute.IO;

namespace Millrace.Benchmarks.Compute;

/// <summary>
/// Every statistic StatisticsGen reports, from the kernels, over a table already in memory (the flights file):
/// numeric columns get moments, a 10-bucket equal-width histogram over [min, max] and a KLL sketch (median,
/// quantiles, quantile histogram); string columns get a sketch (distinct count, top 20, average length). The peer
/// is pandas' describe(include='all') + nunique() + quantiles on the same data frame (pandas_stats.py).
/// </summary>
[Config(typeof(ComputeBenchmarkConfig))]
public class TableStatisticsBenchmarks
{
    private ColumnarTable _table = null!;
    private double[][] _numeric = [];

    [Params("flights/flights-3m.csv")]
    public string File { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _table = CsvColumnReader.ReadAll(SharedDataPath.Of(File));
        // The numeric kernels take float64 with NaN for missing; an ingest of Int64 columns would keep this copy.
        _numeric = _table.Columns.OfType<Int64Column>().Select(c => c.ToFloat64()).ToArray();
    }

    [Benchmark]
    public int AllStatistics()
    {
        var kernels = SimdColumnKernels.Instance;
        int results = 0;
        foreach (var values in _numeric)
        {
            var moments = kernels.Moments(values);
            var histogram = kernels.Histogram(values, moments.Min, moments.Max, 10);
            var sketch = kernels.Quantiles(values);
            results += histogram.BucketCount + sketch.Quantiles(0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99).Length + sketch.QuantileHistogram(10).Count;
        }
        foreach (var strings in _table.Columns.OfType<StringColumn>())
        {
            var sketch = kernels.Strings(strings.Codes, strings.Dictionary);
            results += sketch.TopK(20).Count + (int)Math.Min(sketch.DistinctCount, 1);
        }
        return results;
    }
}
