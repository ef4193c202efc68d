using MessagePack;

namespace Millrace.Training;

/// <summary>The label column and the task. Build one with <see cref="Binary"/>, <see cref="Multiclass"/> or <see cref="Regression"/>.</summary>
[MessagePackObject]
public sealed record LabelSpec
{
    /// <summary>The label column.</summary>
    [Key(0)] public required string Column { get; init; }

    /// <summary>The task.</summary>
    [Key(1)] public required PredictionTask Task { get; init; }

    /// <summary>The number of classes: 2 for binary, k for multi-class, 1 for regression.</summary>
    [Key(2)] public required int ClassCount { get; init; }

    /// <summary>A 0/1 integer label.</summary>
    public static LabelSpec Binary(string column) => new() { Column = column, Task = PredictionTask.Binary, ClassCount = 2 };

    /// <summary>An integer label 0..<paramref name="classCount"/>−1.</summary>
    public static LabelSpec Multiclass(string column, int classCount) => classCount >= 2
        ? new() { Column = column, Task = PredictionTask.Multiclass, ClassCount = classCount }
        : throw new ArgumentOutOfRangeException(nameof(classCount), "A multi-class label needs at least two classes.");

    /// <summary>A numeric label.</summary>
    public static LabelSpec Regression(string column) => new() { Column = column, Task = PredictionTask.Regression, ClassCount = 1 };

    /// <summary>The number of model outputs: 1 for binary and regression, k for multi-class.</summary>
    [IgnoreMember] public int OutputCount => Task == PredictionTask.Multiclass ? ClassCount : 1;
}
