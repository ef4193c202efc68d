using System.Globalization;
using System.Text.Json;
using Millrace;
using Millrace.Components.Bench;

// Times CsvExampleGen (CSV → Parquet splits) and StatisticsGen on a CSV file through the local runner, and DuckDB's
// SUMMARIZE on a Parquet file, printing one JSON line per measurement (min over repeats).
//   dotnet run -c Release --project benchmarks/Millrace.Components.Bench -- <csv> <parquet|-> [repeats] [--gpu] [--uncompressed] [--ingest-only|--statistics-only]
// --ingest-only times CsvExampleGen alone, with the CPU time the process spent in each run (both cores' worth) and
// the bytes it allocated;
// --statistics-only ingests once and then times StatisticsGen alone on that output (the first line includes the ingest's CPU).
var csv = Path.GetFullPath(args.ElementAtOrDefault(0) ?? Path.Combine("..", "shared", "data", "flights", "flights-3m.csv"));
var parquet = args.ElementAtOrDefault(1) ?? Path.Combine("..", "shared", "data", "flights", "flights-3m.parquet");
int repeats = int.Parse(args.ElementAtOrDefault(2) ?? "3", CultureInfo.InvariantCulture);
bool gpu = args.Contains("--gpu");
var compression = args.Contains("--uncompressed") ? Millrace.Components.ExampleCompression.None : Millrace.Components.ExampleCompression.Snappy;
long bytes = new FileInfo(csv).Length;

if (args.Contains("--statistics-only"))
{
    // One ingest, kept in the cache; then StatisticsGen alone on its output, again and again.
    var root = Directory.CreateTempSubdirectory("millrace-bench-").FullName;
    try
    {
        await using var store = SqliteMetadataStore.OpenInRoot(root);
        var runner = new LocalRunner(store, root);
        var pipeline = new FlightsPipeline { Input = csv, Gpu = gpu, Compression = compression };
        for (int i = 0; i < repeats; i++)
        {
            var (result, cpu) = await RunMeasured(runner, pipeline, new RunOptions { UncachedSteps = ["Statistics"] });
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["tool"] = "millrace-statistics", ["statistics_gen_s"] = Math.Round(result["Statistics"].Duration.TotalSeconds, 4),
                ["run_cpu_s"] = Math.Round(cpu.TotalSeconds, 4),
            }));
        }
    }
    finally
    {
        Directory.Delete(root, recursive: true);
    }
    return;
}

if (args.Contains("--ingest-only"))
{
    for (int i = 0; i < repeats; i++)
    {
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        var (result, cpu) = await RunInFreshRoot(new FlightsIngestPipeline { Input = csv });
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["tool"] = "millrace-ingest", ["example_gen_s"] = Math.Round(result["ExampleGen"].Duration.TotalSeconds, 4),
            ["run_cpu_s"] = Math.Round(cpu.TotalSeconds, 4), ["allocated_MB"] = Math.Round((GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6, 1),
        }));
    }
    return;
}

double ingest = double.MaxValue, statistics = double.MaxValue;
long rows = 0;
for (int i = 0; i < repeats; i++)
{
    var (result, _) = await RunInFreshRoot(new FlightsPipeline { Input = csv, Gpu = gpu, Compression = compression });
    ingest = Math.Min(ingest, result["ExampleGen"].Duration.TotalSeconds);
    statistics = Math.Min(statistics, result["Statistics"].Duration.TotalSeconds);
    rows = result["ExampleGen"].Outputs[0].GetInt64Property("rows") ?? 0;
}
Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
{
    ["tool"] = "millrace", ["file"] = csv, ["rows"] = rows, ["csv_bytes"] = bytes, ["repeats"] = repeats, ["gpu"] = gpu, ["compression"] = compression.ToString(),
    ["example_gen_s"] = Math.Round(ingest, 4), ["ingest_MBps"] = Math.Round(bytes / 1e6 / ingest, 1), ["statistics_gen_s"] = Math.Round(statistics, 4),
}));
if (parquet != "-")
{
    double parquetIngest = double.MaxValue;
    for (int i = 0; i < repeats; i++)
    {
        var (result, _) = await RunInFreshRoot(new FlightsParquetPipeline { Input = Path.GetFullPath(parquet) });
        parquetIngest = Math.Min(parquetIngest, result["ExampleGen"].Duration.TotalSeconds);
    }
    Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object> { ["tool"] = "millrace-parquet", ["file"] = Path.GetFullPath(parquet), ["parquet_example_gen_s"] = Math.Round(parquetIngest, 4) }));
    double duck = Enumerable.Range(0, repeats).Min(_ => DuckDbSummarize.Seconds(Path.GetFullPath(parquet)));
    Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object> { ["tool"] = "duckdb", ["file"] = Path.GetFullPath(parquet), ["summarize_s"] = Math.Round(duck, 4) }));
}

// Runs a pipeline uncached in a fresh temporary root (deleted afterwards), as RunMeasured.
static async Task<(RunResult Result, TimeSpan Cpu)> RunInFreshRoot(IPipeline pipeline)
{
    var root = Directory.CreateTempSubdirectory("millrace-bench-").FullName;
    try
    {
        await using var store = SqliteMetadataStore.OpenInRoot(root);
        return await RunMeasured(new LocalRunner(store, root), pipeline, new RunOptions { UseCache = false });
    }
    finally
    {
        Directory.Delete(root, recursive: true);
    }
}

// Runs a pipeline; fails unless every step succeeded. Returns the result and the CPU time the process spent in the
// run itself (both cores' worth).
static async Task<(RunResult Result, TimeSpan Cpu)> RunMeasured(LocalRunner runner, IPipeline pipeline, RunOptions options)
{
    var process = System.Diagnostics.Process.GetCurrentProcess();
    var cpu = process.TotalProcessorTime;
    var result = await runner.RunAsync(pipeline, options);
    process.Refresh();
    if (result.State != RunState.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Nodes.Select(n => $"{n.Node}: {n.Outcome} {n.Message}")));
    return (result, process.TotalProcessorTime - cpu);
}
