using BenchmarkDotNet.Attributes;
using Millrace.Compute;
using Millrace.Compute.IO;
using Millrace.Compute.IO.Parquet;

namespace Millrace.Benchmarks.Compute;

/// <summary>
/// Millrace's own Parquet path on the flights table (3M rows, 16 MiB CSV blocks as row groups): writing the
/// parsed blocks (Snappy), reading them back decoded, and reading them counted as StatisticsGen does, then
/// summarising every column from the counts. The GB/s column is the CSV file's bytes over the mean time, so the
/// rows line up with <see cref="CsvIngestBenchmarks"/>.
/// </summary>
[Config(typeof(ComputeBenchmarkConfig))]
public class ParquetBenchmarks
{
    private readonly List<ColumnarTable> _blocks = [];
    private IReadOnlyList<string> _names = [];
    private IReadOnlyList<ColumnType> _types = [];
    private string _parquet = "";

    [Params("flights/flights-3m.csv")]
    public string File { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        using (var reader = CsvColumnReader.Open(SharedDataPath.Of(File)))
        {
            (_names, _types) = (reader.ColumnNames, reader.ColumnTypes);
            while (reader.ReadBlock() is { } block) _blocks.Add(block);
        }
        _parquet = Path.Combine(Path.GetTempPath(), $"millrace-bench-{Environment.ProcessId}.parquet");
        using var writer = ParquetFileWriter.Create(System.IO.File.Create(_parquet), _names, _types);
        foreach (var block in _blocks) writer.WriteRowGroup(block);
    }

    [GlobalCleanup]
    public void Cleanup() => System.IO.File.Delete(_parquet);

    [Benchmark]
    public long WriteSnappy()
    {
        using var output = new MemoryStream();
        using var writer = ParquetFileWriter.Create(output, _names, _types, ParquetCodec.Snappy, leaveOpen: true);
        foreach (var block in _blocks) writer.WriteRowGroup(block);
        return writer.Rows;
    }

    [Benchmark]
    public long ReadDecoded()
    {
        using var reader = ParquetFileReader.TryOpenAsync(_parquet).GetAwaiter().GetResult()!;
        long rows = 0;
        for (int group = 0; group < reader.RowGroupCount; group++) rows += reader.ReadRowGroup(group).RowCount;
        return rows;
    }

    [Benchmark]
    public double ReadCountedAndSummarise()
    {
        using var reader = ParquetFileReader.TryOpenAsync(_parquet).GetAwaiter().GetResult()!;
        var strings = new StringSketch?[reader.ColumnNames.Count];
        var moments = new MomentsState[reader.ColumnNames.Count];
        double sink = 0;
        for (int group = 0; group < reader.RowGroupCount; group++)
        {
            var columns = reader.ReadRowGroupCounts(group);
            for (int c = 0; c < columns.Count; c++)
            {
                if (columns[c].Counts is not { } counted) continue;
                if (counted.Strings is { } values) (strings[c] ??= new StringSketch()).AddCounts(values, counted.Counts);
                else moments[c] = MomentsState.Merge(moments[c], MomentsState.FromCounts(counted.Numbers!, counted.Counts, counted.Missing));
            }
        }
        foreach (var sketch in strings) sink += sketch?.DistinctCount ?? 0;
        foreach (var state in moments) sink += state.Count;
        return sink;
    }
}
