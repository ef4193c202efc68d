namespace Millrace.Training;

/// <summary>How the learning rate changes from epoch to epoch.</summary>
public enum LearningRateSchedule
{
    /// <summary>The same rate every epoch.</summary>
    Constant,

    /// <summary>Cosine annealing from the rate down to zero over the epochs.</summary>
    Cosine,

    /// <summary>Multiplied by <see cref="TrainerOptions.StepDecayFactor"/> every <see cref="TrainerOptions.StepDecayEpochs"/> epochs.</summary>
    StepDecay,
}
