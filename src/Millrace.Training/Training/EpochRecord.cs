namespace Millrace.Training;

/// <summary>One epoch of training: its learning rate and its mean losses.</summary>
/// <param name="Epoch">The epoch, from 0.</param>
/// <param name="LearningRate">The learning rate it used.</param>
/// <param name="TrainLoss">The mean loss over its batches.</param>
/// <param name="EvalLoss">The loss on the eval split after it.</param>
public sealed record EpochRecord(int Epoch, double LearningRate, double TrainLoss, double EvalLoss);
