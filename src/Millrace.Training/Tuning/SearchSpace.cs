namespace Millrace.Training;

/// <summary>The hyper-parameters a tuner samples: a log-uniform learning rate range and lists of choices.</summary>
public sealed record SearchSpace
{
    /// <summary>The smallest learning rate.</summary>
    public double MinLearningRate { get; init; } = 1e-4;

    /// <summary>The largest learning rate.</summary>
    public double MaxLearningRate { get; init; } = 1e-1;

    /// <summary>Batch sizes to choose from.</summary>
    public int[] BatchSizes { get; init; } = [64, 256, 512];

    /// <summary>Optimizers to choose from.</summary>
    public OptimizerKind[] Optimizers { get; init; } = [OptimizerKind.Adam];

    /// <summary>Weight decays to choose from.</summary>
    public double[] WeightDecays { get; init; } = [0, 1e-4];

    /// <summary>One sample of the space applied to <paramref name="baseline"/>.</summary>
    public TrainerOptions Sample(Random random, TrainerOptions baseline)
    {
        if (!(MinLearningRate > 0 && MaxLearningRate >= MinLearningRate) || BatchSizes.Length == 0 || Optimizers.Length == 0 || WeightDecays.Length == 0)
            throw new ArgumentException("A search space needs 0 < MinLearningRate ≤ MaxLearningRate and at least one choice of each list.");
        double logRate = Math.Log(MinLearningRate) + random.NextDouble() * (Math.Log(MaxLearningRate) - Math.Log(MinLearningRate));
        return baseline with
        {
            LearningRate = Math.Exp(logRate),
            BatchSize = BatchSizes[random.Next(BatchSizes.Length)],
            Optimizer = Optimizers[random.Next(Optimizers.Length)],
            WeightDecay = WeightDecays[random.Next(WeightDecays.Length)],
        };
    }
}
