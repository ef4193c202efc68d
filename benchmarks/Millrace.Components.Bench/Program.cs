using System.Globalization;
using System.Text.Json;
using Millrace;
using Millrace.Components.Bench;

// Times CsvExampleGen (CSV → Parquet splits) and StatisticsGen on a CSV file through the local runner, and DuckDB's
// SUMMARIZE on a Parquet file, printing one JSON line per measurement (min over repeats).
//   dotnet run -c Release --project benchmarks/Millrace.Components.Bench -- <csv> <parquet|-> [repeats] [--gpu] [--uncompressed] [--ingest-only]
// --ingest-only times CsvExampleGen alone, with the CPU time the process spent in each run (both cores' worth).
var csv = Path.GetFullPath(args.ElementAtOrDefault(0) ?? Path.Combine("..", "shared", "data", "flights", "flights-3m.csv"));
var parquet = args.ElementAtOrDefault(1) ?? Path.Combine("..", "shared", "data", "flights", "flights-3m.parquet");
int repeats = int.Parse(args.ElementAtOrDefault(2) ?? "3", CultureInfo.InvariantCulture);
bool gpu = args.Contains("--gpu");
var compression = args.Contains("--uncompressed") ? Millrace.Components.ExampleCompression.None : Millrace.Components.ExampleCompression.Snappy;
long bytes = new FileInfo(csv).Length;

if (args.Contains("--ingest-only"))
{
    var process = System.Diagnostics.Process.GetCurrentProcess();
    for (int i = 0; i < repeats; i++)
    {
        var root = Directory.CreateTempSubdirectory("millrace-bench-").FullName;
        try
        {
            await using var store = SqliteMetadataStore.OpenInRoot(root);
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var result = await new LocalRunner(store, root).RunAsync(new FlightsIngestPipeline { Input = csv }, new RunOptions { UseCache = false });
            process.Refresh();
            if (result.State != RunState.Succeeded) throw new InvalidOperationException(result["ExampleGen"].Message);
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["tool"] = "millrace-ingest", ["example_gen_s"] = Math.Round(result["ExampleGen"].Duration.TotalSeconds, 4),
                ["run_cpu_s"] = Math.Round((process.TotalProcessorTime - cpu).TotalSeconds, 4),
            }));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
    return;
}

double ingest = double.MaxValue, statistics = double.MaxValue;
long rows = 0;
for (int i = 0; i < repeats; i++)
{
    var root = Directory.CreateTempSubdirectory("millrace-bench-").FullName;
    try
    {
        await using var store = SqliteMetadataStore.OpenInRoot(root);
        var result = await new LocalRunner(store, root).RunAsync(new FlightsPipeline { Input = csv, Gpu = gpu, Compression = compression }, new RunOptions { UseCache = false });
        if (result.State != RunState.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Nodes.Select(n => $"{n.Node}: {n.Outcome} {n.Message}")));
        ingest = Math.Min(ingest, result["ExampleGen"].Duration.TotalSeconds);
        statistics = Math.Min(statistics, result["Statistics"].Duration.TotalSeconds);
        rows = result["ExampleGen"].Outputs[0].GetInt64Property("rows") ?? 0;
    }
    finally
    {
        Directory.Delete(root, recursive: true);
    }
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
        var root = Directory.CreateTempSubdirectory("millrace-bench-").FullName;
        try
        {
            await using var store = SqliteMetadataStore.OpenInRoot(root);
            var result = await new LocalRunner(store, root).RunAsync(new FlightsParquetPipeline { Input = Path.GetFullPath(parquet) }, new RunOptions { UseCache = false });
            if (result.State != RunState.Succeeded) throw new InvalidOperationException(result["ExampleGen"].Message);
            parquetIngest = Math.Min(parquetIngest, result["ExampleGen"].Duration.TotalSeconds);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
    Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object> { ["tool"] = "millrace-parquet", ["file"] = Path.GetFullPath(parquet), ["parquet_example_gen_s"] = Math.Round(parquetIngest, 4) }));
    double duck = Enumerable.Range(0, repeats).Min(_ => DuckDbSummarize.Seconds(Path.GetFullPath(parquet)));
    Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object> { ["tool"] = "duckdb", ["file"] = Path.GetFullPath(parquet), ["summarize_s"] = Math.Round(duck, 4) }));
}
