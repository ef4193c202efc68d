namespace Millrace.Training;

/// <summary>
/// Where a training run stands after an epoch: written last into a checkpoint, it is what a resumed run reads.
/// </summary>
internal sealed record TrainingProgress
{
    /// <summary>The first epoch still to run.</summary>
    public int NextEpoch { get; init; }

    /// <summary>The lowest eval loss so far.</summary>
    public double BestLoss { get; init; } = double.PositiveInfinity;

    /// <summary>The epoch that reached it, or −1.</summary>
    public int BestEpoch { get; init; } = -1;

    /// <summary>Epochs since the eval loss last improved.</summary>
    public int EpochsWithoutImprovement { get; init; }

    /// <summary>The epochs run so far.</summary>
    public List<EpochRecord> History { get; init; } = [];

    /// <summary>The checkpoint's options, to refuse resuming a run with different ones.</summary>
    public string OptionsFingerprint { get; init; } = "";
}
