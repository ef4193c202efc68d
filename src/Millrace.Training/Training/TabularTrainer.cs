using TorchSharp;
using static TorchSharp.torch;

namespace Millrace.Training;

/// <summary>
/// Trains a <see cref="ModelArchitecture"/> on transformed splits with TorchSharp on the CPU: shuffled mini-batches
/// in a seeded order, Adam or SGD, a per-epoch learning-rate schedule, early stopping on the eval loss, and a
/// checkpoint after every epoch so that a killed run resumes.
/// </summary>
public static class TabularTrainer
{
    private static readonly Lock SeedLock = new();

    /// <summary>Trains a network and returns it with its history.</summary>
    /// <param name="transform">The transform both splits went through; it travels with the model.</param>
    /// <param name="architecture">The network's shape.</param>
    /// <param name="train">The training split.</param>
    /// <param name="eval">The eval split, for early stopping and the history.</param>
    /// <param name="options">How to train.</param>
    /// <param name="checkpointDirectory">Where to checkpoint each epoch and resume from; null for no checkpoints.</param>
    /// <param name="onEpoch">Called after each epoch is checkpointed.</param>
    /// <param name="cancellationToken">Checked between epochs, after the checkpoint.</param>
    public static TrainedModel Fit(FittedTransform transform, ModelArchitecture architecture, TrainingSet train, TrainingSet eval,
        TrainerOptions options, string? checkpointDirectory = null, Action<EpochRecord>? onEpoch = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        set_num_threads(options.Threads == 0 ? Environment.ProcessorCount : options.Threads);
        var task = transform.Label.Task;
        TabularNetwork network, best;
        // libtorch's generator is global: seeding and drawing the initial weights happen together, so runs on
        // other threads (a tuner's parallel trials) cannot take draws in between.
        lock (SeedLock)
        {
            random.manual_seed(options.Seed);
            network = new TabularNetwork(architecture, transform.DenseWidth, transform.EmbeddedFeatures, transform.Label.OutputCount);
            best = new TabularNetwork(architecture, transform.DenseWidth, transform.EmbeddedFeatures, transform.Label.OutputCount);
        }
        best.load_state_dict(network.state_dict());
        var parameters = network.parameters();
        TorchSharp.Modules.OptimizerHelper optimizer = options.Optimizer == OptimizerKind.Adam
            ? optim.Adam(parameters, options.LearningRate, weight_decay: options.WeightDecay)
            : optim.SGD(parameters, options.LearningRate, options.Momentum, weight_decay: options.WeightDecay);

        string fingerprint = $"{System.Text.Json.JsonSerializer.Serialize(options)}|{architecture.Kind}:{string.Join(',', architecture.HiddenLayers)}|{train.RowCount}|{eval.RowCount}|{transform.DenseWidth}";
        var checkpoint = checkpointDirectory is null ? null : new TrainingCheckpoint(Directory.CreateDirectory(checkpointDirectory).FullName);
        var restored = checkpoint?.TryRestore(network, best, optimizer, fingerprint);
        var progress = restored ?? new TrainingProgress { OptionsFingerprint = fingerprint };

        for (int epoch = progress.NextEpoch; epoch < options.Epochs; epoch++)
        {
            if (options.EarlyStoppingPatience > 0 && progress.EpochsWithoutImprovement >= options.EarlyStoppingPatience) break;
            cancellationToken.ThrowIfCancellationRequested();
            double rate = options.LearningRateAt(epoch);
            foreach (var group in optimizer.ParamGroups) group.LearningRate = rate;
            double trainLoss = RunEpoch(network, optimizer, train, task, options, epoch);
            double evalLoss = Loss(network, eval, task);
            bool improved = evalLoss < progress.BestLoss;
            if (improved) best.load_state_dict(network.state_dict());
            var record = new EpochRecord(epoch, rate, trainLoss, evalLoss);
            progress = progress with
            {
                NextEpoch = epoch + 1,
                BestLoss = improved ? evalLoss : progress.BestLoss,
                BestEpoch = improved ? epoch : progress.BestEpoch,
                EpochsWithoutImprovement = improved ? 0 : progress.EpochsWithoutImprovement + 1,
                History = [.. progress.History, record],
            };
            checkpoint?.Save(network, best, optimizer, progress);
            onEpoch?.Invoke(record);
        }
        // With early stopping the best epoch's weights are the model; without it, the last epoch's.
        var result = options.EarlyStoppingPatience > 0 ? best : network;
        (result == best ? network : best).Dispose();
        optimizer.Dispose();
        return new TrainedModel(transform, architecture, result, progress.History, progress.BestEpoch) { ResumedAtEpoch = restored?.NextEpoch };
    }

    private static double RunEpoch(TabularNetwork network, TorchSharp.Modules.OptimizerHelper optimizer, TrainingSet train, PredictionTask task, TrainerOptions options, int epoch)
    {
        network.train();
        // The order of an epoch depends only on the seed and the epoch, so a resumed run sees the same batches.
        var order = Enumerable.Range(0, train.RowCount).Select(i => (long)i).ToArray();
        new Random(unchecked(options.Seed * 1_000_003 + epoch)).Shuffle(order);
        using var permutation = tensor(order);
        double total = 0;
        for (int start = 0; start < train.RowCount; start += options.BatchSize)
        {
            using var scope = NewDisposeScope();
            int count = Math.Min(options.BatchSize, train.RowCount - start);
            var rows = permutation.narrow(0, start, count);
            optimizer.zero_grad();
            var loss = LossOf(network.forward(train.Dense.index_select(0, rows), train.Categorical.index_select(0, rows)), train.Labels.index_select(0, rows), task);
            loss.backward();
            optimizer.step();
            total += loss.item<float>() * count;
        }
        return total / train.RowCount;
    }

    /// <summary>The mean loss of a network over a whole split.</summary>
    internal static double Loss(TabularNetwork network, TrainingSet set, PredictionTask task)
    {
        network.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return LossOf(network.forward(set.Dense, set.Categorical), set.Labels, task).item<float>();
    }

    private static Tensor LossOf(Tensor output, Tensor labels, PredictionTask task) => task switch
    {
        PredictionTask.Binary => nn.functional.binary_cross_entropy_with_logits(output.squeeze(1), labels),
        PredictionTask.Multiclass => nn.functional.cross_entropy(output, labels),
        _ => nn.functional.mse_loss(output.squeeze(1), labels),
    };
}
