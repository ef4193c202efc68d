using System.Diagnostics;
using Xunit.Abstractions;

namespace Millrace.Training.Tests;

public sealed class TaxiTrainingTests(ITestOutputHelper output)
{
    [Fact]
    public void The_taxi_mlp_reaches_the_accuracy_and_auc_of_the_best_peer_on_the_eval_split()
    {
        var (trainTable, evalTable) = Splits.Of("taxi/taxi_big_tipper_label.csv");
        var clock = Stopwatch.StartNew();
        var transform = new TransformAnalyzer().Fit(TaxiFeatures.Features, trainTable);
        using var train = new TrainingSet(transform.Apply(trainTable), LabelReader.Read(trainTable, transform.Label, "train"), PredictionTask.Binary, "train");
        using var eval = new TrainingSet(transform.Apply(evalTable), LabelReader.Read(evalTable, transform.Label, "eval"), PredictionTask.Binary, "eval");
        var options = new TrainerOptions { Epochs = 6, BatchSize = 512, LearningRate = 3e-3 };
        using var model = TabularTrainer.Fit(transform, ModelArchitecture.Mlp(64, 32), train, eval, options);
        var fit = clock.Elapsed;
        var metrics = BinaryMetricsCalculator.Compute([.. eval.LabelValues], model.Predict(transform.Apply(evalTable)));
        output.WriteLine($"fit {fit.TotalSeconds:F3} s, accuracy {metrics.Accuracy:F4}, auc {metrics.RocAuc:F4}, eval rows {eval.RowCount}");
        foreach (var e in model.History) output.WriteLine(e.ToString());
        Assert.True(metrics.Accuracy >= 0.89, $"accuracy {metrics.Accuracy:F4}");
        Assert.True(metrics.RocAuc >= 0.94, $"auc {metrics.RocAuc:F4}");
    }
}
