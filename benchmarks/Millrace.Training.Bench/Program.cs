using System.Diagnostics;
using System.Text.Json;
using Millrace.Compute.IO;
using Millrace.Training;
using Millrace.Training.Bench;

// Trains the taxi big_tipper MLP in a warm process and prints one JSON line per repeat, like
// ../shared/baselines/sklearn_models.py does for scikit-learn. Usage: Millrace.Training.Bench <data dir> [repeats] [epochs] [threads];
// `Millrace.Training.Bench analyzers <data dir> [repeats]` times the Transform analyzers over flights-3m instead.
if (args.Length > 0 && args[0] == "analyzers")
{
    FlightsAnalyzers.Run(args.Length > 1 ? args[1] : Path.Combine("..", "shared", "data"), args.Length > 2 ? int.Parse(args[2]) : 3, Emit);
    return;
}
var data = args.Length > 0 ? args[0] : Path.Combine("..", "shared", "data");
int repeats = args.Length > 1 ? int.Parse(args[1]) : 3;
int epochs = args.Length > 2 ? int.Parse(args[2]) : 6;
var (trainTable, evalTable) = Split(Path.Combine(data, "taxi", "taxi_big_tipper_label.csv"));
var options = new TrainerOptions { Epochs = epochs, BatchSize = 512, LearningRate = 3e-3, Threads = args.Length > 3 ? int.Parse(args[3]) : 1 };
Emit(new { dataset = "taxi_big_tipper", train = trainTable.RowCount, eval = evalTable.RowCount, threads = options.Threads });

// Warm-up: loads libtorch and compiles the code paths once, as a Python process has imported its libraries.
Run(options with { Epochs = 1 });
for (int r = 0; r < repeats; r++)
{
    var (transformSeconds, trainSeconds, metrics) = Run(options);
    Emit(new
    {
        task = "taxi_mlp_64x32_adam", epochs, fit_s = Math.Round(transformSeconds + trainSeconds, 3), transform_s = Math.Round(transformSeconds, 3),
        train_s = Math.Round(trainSeconds, 3), accuracy = Math.Round(metrics.Accuracy, 4), auc = Math.Round(metrics.RocAuc, 4), n_test = metrics.Count,
    });
}

(double, double, BinaryMetrics) Run(TrainerOptions trainerOptions)
{
    var clock = Stopwatch.StartNew();
    var transform = new TransformAnalyzer().Fit(TaxiFeatures.Features, trainTable);
    using var train = new TrainingSet(transform.Apply(trainTable), LabelReader.Read(trainTable, transform.Label, "train"), PredictionTask.Binary, "train");
    using var eval = new TrainingSet(transform.Apply(evalTable), LabelReader.Read(evalTable, transform.Label, "eval"), PredictionTask.Binary, "eval");
    double transformSeconds = clock.Elapsed.TotalSeconds;
    clock.Restart();
    using var model = TabularTrainer.Fit(transform, ModelArchitecture.Mlp(64, 32), train, eval, trainerOptions);
    double trainSeconds = clock.Elapsed.TotalSeconds;
    var metrics = BinaryMetricsCalculator.Compute([.. eval.LabelValues], model.Predict(transform.Apply(evalTable)));
    return (transformSeconds, trainSeconds, metrics);
}

static (ColumnarTable, ColumnarTable) Split(string path)
{
    // A deterministic 4:1 split by a hash of each line: the train size of scikit-learn's 80/20 split, so that both
    // fit times are for the same number of rows.
    var lines = File.ReadAllLines(path);
    var parts = new[] { new List<string> { lines[0] }, new List<string> { lines[0] } };
    foreach (var line in lines.Skip(1))
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in line) hash = (hash ^ c) * 1099511628211UL;
        parts[hash % 5 == 0 ? 1 : 0].Add(line);
    }
    return (Read(parts[0]), Read(parts[1]));
}

static ColumnarTable Read(List<string> lines)
{
    var file = Path.GetTempFileName();
    File.WriteAllLines(file, lines);
    try { return CsvColumnReader.ReadAll(file); }
    finally { File.Delete(file); }
}

static void Emit(object value) => Console.WriteLine(JsonSerializer.Serialize(value));
