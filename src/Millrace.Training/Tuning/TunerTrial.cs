namespace Millrace.Training;

/// <summary>One training run of a tuner: its options, the rung it reached, and its best eval loss there.</summary>
/// <param name="Number">The trial's number, from 0, in sampling order.</param>
/// <param name="Rung">The successive-halving rung, from 0.</param>
/// <param name="Options">The options it trained with (epochs of its rung included).</param>
/// <param name="EvalLoss">Its lowest eval loss.</param>
public sealed record TunerTrial(int Number, int Rung, TrainerOptions Options, double EvalLoss);
