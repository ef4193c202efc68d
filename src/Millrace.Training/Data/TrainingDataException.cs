namespace Millrace.Training;

/// <summary>
/// Data a transform, a trainer or an evaluator cannot use: a missing label column, a label of the wrong type or
/// out of range, an empty split, a feature naming a column that does not exist. The message says which and where.
/// </summary>
public sealed class TrainingDataException(string message) : MillraceException(message);
