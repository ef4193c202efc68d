using BenchmarkDotNet.Attributes;
using Millrace.Compute.IO;

namespace Millrace.Benchmarks.Compute;

/// <summary>
/// CSV → typed columns (Sep, both cores), alone and with Parquet written, on the shared flights file. The GB/s
/// column is the CSV file's bytes over the mean time; compare with pandas_stats.py's read_csv_MBps
/// (benchmarks/compare-ingest.sh runs both in one go).
/// </summary>
[Config(typeof(ComputeBenchmarkConfig))]
public class CsvIngestBenchmarks
{
    private string _path = "";

    [Params("flights/flights-3m.csv")]
    public string File { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _path = SharedDataPath.Of(File);

    [Benchmark]
    public int ReadColumns() => CsvColumnReader.ReadAll(_path).RowCount;

    [Benchmark]
    public long ReadColumnsAndWriteParquet()
    {
        using var output = new MemoryStream();
        return ParquetTableWriter.ConvertCsvAsync(_path, output).GetAwaiter().GetResult();
    }
}
