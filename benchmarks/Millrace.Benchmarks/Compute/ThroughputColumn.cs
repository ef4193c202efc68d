using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Millrace.Benchmarks.Compute;

/// <summary>A "GB/s" column: the bytes of column read (Rows × <see cref="BytesPerRowAttribute"/>) over the mean time.</summary>
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
        var bytesPerRow = benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<BytesPerRowAttribute>();
        var rows = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Rows")?.Value;
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (bytesPerRow is null || rows is null || statistics is null) return "-";
        double bytes = Convert.ToDouble(rows) * bytesPerRow.Bytes;
        return (bytes / statistics.Mean).ToString("F2", System.Globalization.CultureInfo.InvariantCulture);
    }
}
