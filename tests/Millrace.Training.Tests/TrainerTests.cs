namespace Millrace.Training.Tests;

public sealed class TrainerTests
{
    private static readonly TrainerOptions Options = new() { Epochs = 40, BatchSize = 32, LearningRate = 1e-2 };

    [Fact]
    public void Penguin_species_are_predicted_with_at_least_97_percent_accuracy_on_the_eval_split()
    {
        var (transform, train, eval) = PenguinData.Load();
        using var model = TabularTrainer.Fit(transform, ModelArchitecture.Mlp(16), train, eval, Options);
        var metrics = MulticlassMetrics.Compute([.. eval.LabelValues], model.Predict(transform.Apply(Splits.Of("penguins/penguins_labelled.csv").Eval)), 3);
        Assert.True(metrics.Accuracy >= 0.97, $"accuracy {metrics.Accuracy:F4}");
    }

    [Theory]
    [InlineData(ModelKind.Linear)]
    [InlineData(ModelKind.WideAndDeep)]
    public void Linear_and_wide_and_deep_networks_learn_the_penguin_species(ModelKind kind)
    {
        var (transform, train, eval) = PenguinData.Load();
        var architecture = new ModelArchitecture { Kind = kind, HiddenLayers = kind == ModelKind.Linear ? [] : [16] };
        using var model = TabularTrainer.Fit(transform, architecture, train, eval, Options with { Optimizer = OptimizerKind.Sgd, Schedule = LearningRateSchedule.Cosine, LearningRate = 0.05 });
        var metrics = MulticlassMetrics.Compute([.. eval.LabelValues], model.Predict(transform.Apply(Splits.Of("penguins/penguins_labelled.csv").Eval)), 3);
        Assert.True(metrics.Accuracy >= 0.95, $"{kind}: accuracy {metrics.Accuracy:F4}");
    }

    [Fact]
    public void Two_runs_with_the_same_seed_give_the_same_weights_bit_for_bit_and_another_seed_does_not()
    {
        var (transform, train, eval) = PenguinData.Load();
        var options = Options with { Epochs = 5 };
        using var first = TabularTrainer.Fit(transform, ModelArchitecture.WideAndDeep(8), train, eval, options);
        using var second = TabularTrainer.Fit(transform, ModelArchitecture.WideAndDeep(8), train, eval, options);
        using var other = TabularTrainer.Fit(transform, ModelArchitecture.WideAndDeep(8), train, eval, options with { Seed = 7 });
        Assert.Equal(first.WeightSnapshot(), second.WeightSnapshot());
        Assert.NotEqual(first.WeightSnapshot(), other.WeightSnapshot());
    }

    [Fact]
    public void A_training_stopped_after_two_epochs_resumes_from_its_checkpoint_to_the_same_weights_as_an_uninterrupted_run()
    {
        var (transform, train, eval) = PenguinData.Load();
        var options = Options with { Epochs = 5 };
        var directory = Path.Combine(Path.GetTempPath(), $"millrace-checkpoint-{Guid.NewGuid():N}");
        try
        {
            using var uninterrupted = TabularTrainer.Fit(transform, ModelArchitecture.Mlp(8), train, eval, options);
            using var stop = new CancellationTokenSource();
            Assert.Throws<OperationCanceledException>(() => TabularTrainer.Fit(transform, ModelArchitecture.Mlp(8), train, eval, options, directory,
                onEpoch: e => { if (e.Epoch == 1) stop.Cancel(); }, stop.Token));
            var resumedEpochs = new List<int>();
            using var resumed = TabularTrainer.Fit(transform, ModelArchitecture.Mlp(8), train, eval, options, directory, onEpoch: e => resumedEpochs.Add(e.Epoch));
            Assert.Equal([2, 3, 4], resumedEpochs);
            Assert.Equal(uninterrupted.WeightSnapshot(), resumed.WeightSnapshot());
            Assert.Equal(5, resumed.History.Count);
        }
        finally { Directory.Delete(directory, recursive: true); }
    }

    [Fact]
    public void Early_stopping_ends_the_run_once_the_eval_loss_stops_improving_and_keeps_the_best_epoch()
    {
        var (transform, train, eval) = PenguinData.Load();
        using var model = TabularTrainer.Fit(transform, ModelArchitecture.Mlp(32), train, eval, Options with { Epochs = 400, LearningRate = 0.05, EarlyStoppingPatience = 3 });
        Assert.True(model.History.Count < 400, "the run did not stop early");
        Assert.Equal(model.History.Count - 4, model.BestEpoch);
        Assert.Equal(model.History.Min(e => e.EvalLoss), model.History[model.BestEpoch].EvalLoss);
    }

    [Fact]
    public void A_checkpoint_written_with_other_options_is_refused_with_a_clear_error()
    {
        var (transform, train, eval) = PenguinData.Load();
        var directory = Path.Combine(Path.GetTempPath(), $"millrace-checkpoint-{Guid.NewGuid():N}");
        try
        {
            TabularTrainer.Fit(transform, ModelArchitecture.Mlp(8), train, eval, Options with { Epochs = 1 }, directory).Dispose();
            var error = Assert.Throws<TrainingDataException>(() => TabularTrainer.Fit(transform, ModelArchitecture.Mlp(8), train, eval, Options with { Epochs = 1, Seed = 1 }, directory));
            Assert.Contains("other options", error.Message);
        }
        finally { Directory.Delete(directory, recursive: true); }
    }

    [Fact]
    public void The_learning_rate_schedules_follow_their_formulas()
    {
        var cosine = new TrainerOptions { Epochs = 10, LearningRate = 1, Schedule = LearningRateSchedule.Cosine };
        Assert.Equal(1, cosine.LearningRateAt(0), 12);
        Assert.Equal(0.5, cosine.LearningRateAt(5), 12);
        var step = new TrainerOptions { LearningRate = 1, Schedule = LearningRateSchedule.StepDecay, StepDecayEpochs = 3, StepDecayFactor = 0.1 };
        Assert.Equal(1, step.LearningRateAt(2), 12);
        Assert.Equal(0.1, step.LearningRateAt(3), 12);
        Assert.Equal(0.01, step.LearningRateAt(6), 12);
    }

    [Fact]
    public void A_half_written_epoch_folder_left_by_a_kill_is_ignored_and_the_run_resumes_from_the_last_committed_epoch()
    {
        var (transform, train, eval) = PenguinData.Load();
        var options = Options with { Epochs = 3 };
        var directory = Path.Combine(Path.GetTempPath(), $"millrace-checkpoint-{Guid.NewGuid():N}");
        try
        {
            using var uninterrupted = TabularTrainer.Fit(transform, ModelArchitecture.Mlp(8), train, eval, options);
            using var stop = new CancellationTokenSource();
            Assert.Throws<OperationCanceledException>(() => TabularTrainer.Fit(transform, ModelArchitecture.Mlp(8), train, eval, options, directory,
                onEpoch: e => { if (e.Epoch == 0) stop.Cancel(); }, stop.Token));
            // What a kill during the next epoch's checkpoint leaves: its folder, partly written, and the pointer unchanged.
            var torn = Directory.CreateDirectory(Path.Combine(directory, "epoch-00002"));
            File.WriteAllBytes(Path.Combine(torn.FullName, "weights.bin"), [1, 2, 3]);
            using var resumed = TabularTrainer.Fit(transform, ModelArchitecture.Mlp(8), train, eval, options, directory);
            Assert.Equal(uninterrupted.WeightSnapshot(), resumed.WeightSnapshot());
        }
        finally { Directory.Delete(directory, recursive: true); }
    }
}
