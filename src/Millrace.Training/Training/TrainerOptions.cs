namespace Millrace.Training;

/// <summary>How a network is trained. Every field is part of what makes a run reproducible.</summary>
public sealed record TrainerOptions
{
    /// <summary>The most epochs to run.</summary>
    public int Epochs { get; init; } = 20;

    /// <summary>Rows per gradient step.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>The learning rate of the first epoch.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>L2 weight decay.</summary>
    public double WeightDecay { get; init; }

    /// <summary>Adam or SGD.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    /// <summary>SGD's momentum.</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>How the learning rate changes per epoch.</summary>
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Constant;

    /// <summary>Epochs between two decays of <see cref="LearningRateSchedule.StepDecay"/>.</summary>
    public int StepDecayEpochs { get; init; } = 10;

    /// <summary>The factor of <see cref="LearningRateSchedule.StepDecay"/>.</summary>
    public double StepDecayFactor { get; init; } = 0.5;

    /// <summary>Stop after this many epochs without a lower eval loss and keep the best weights; 0 turns early stopping off.</summary>
    public int EarlyStoppingPatience { get; init; }

    /// <summary>Seeds the weights and the batch order: the same seed, data and options give the same weights, bit for bit, on a CPU.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>
    /// libtorch's intra-op threads; 0 means one per core. One by default: tabular batches are small, and on two
    /// cores the taxi MLP trained 2.5× faster on one thread than on two. Keep it fixed between runs that must agree.
    /// </summary>
    public int Threads { get; init; } = 1;

    /// <summary>The learning rate of an epoch (0-based) under the schedule.</summary>
    public double LearningRateAt(int epoch) => Schedule switch
    {
        LearningRateSchedule.Cosine => LearningRate * 0.5 * (1 + Math.Cos(Math.PI * epoch / Epochs)),
        LearningRateSchedule.StepDecay => LearningRate * Math.Pow(StepDecayFactor, epoch / StepDecayEpochs),
        _ => LearningRate,
    };

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Epochs, 1, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LearningRate, nameof(LearningRate));
        ArgumentOutOfRangeException.ThrowIfNegative(EarlyStoppingPatience, nameof(EarlyStoppingPatience));
        ArgumentOutOfRangeException.ThrowIfNegative(Threads, nameof(Threads));
        ArgumentOutOfRangeException.ThrowIfLessThan(StepDecayEpochs, 1, nameof(StepDecayEpochs));
    }
}
