using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Millrace.Benchmarks.Compute;

/// <summary>
/// A "GB/s" column: the bytes read over the mean time. The bytes are Rows × <see cref="BytesPerRowAttribute"/>,
/// or, for a benchmark with a File parameter, the size of that file under the shared data folder.
/// </summary>
public sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);
    public string ColumnName => "GB/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Column bytes read per second (10^9), from the mean time";

    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        double? bytes = BytesOf(benchmarkCase);
        if (bytes is null || statistics is null) return "-";
        return (bytes.Value / statistics.Mean).ToString("F3", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static double? BytesOf(BenchmarkCase benchmarkCase)
    {
        var file = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "File")?.Value as string;
        if (file is not null) return new FileInfo(SharedDataPath.Of(file)).Length;
        var bytesPerRow = benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<BytesPerRowAttribute>();
        var rows = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Rows")?.Value;
        return bytesPerRow is null || rows is null ? null : Convert.ToDouble(rows) * bytesPerRow.Bytes;
    }
}
