namespace Millrace.Training;

/// <summary>Metrics of a k-class classifier's probabilities against class indices.</summary>
public sealed record MulticlassMetrics
{
    /// <summary>How many examples.</summary>
    public required long Count { get; init; }

    /// <summary>The fraction whose most probable class is the label (the lowest index wins a tie).</summary>
    public required double Accuracy { get; init; }

    /// <summary>The mean negative log probability of the label, clipped at 1e-15.</summary>
    public required double LogLoss { get; init; }

    /// <summary>Per class: TP / (TP + FP), 0 when the class is never predicted.</summary>
    public required double[] Precision { get; init; }

    /// <summary>Per class: TP / (TP + FN), 0 when the class never occurs.</summary>
    public required double[] Recall { get; init; }

    /// <summary>The unweighted mean over classes of per-class F1.</summary>
    public required double MacroF1 { get; init; }

    /// <summary>[actual, predicted] counts.</summary>
    public required long[,] ConfusionMatrix { get; init; }

    /// <summary>The scalar metrics by name.</summary>
    public IReadOnlyDictionary<string, double> ToDictionary() => new Dictionary<string, double>
    {
        ["accuracy"] = Accuracy, ["log_loss"] = LogLoss, ["macro_f1"] = MacroF1, ["count"] = Count,
    };

    /// <summary>Computes the metrics; <paramref name="probabilities"/> is row-major, <paramref name="classCount"/> per row.</summary>
    /// <exception cref="TrainingDataException">The lengths disagree, there are no examples, or a label is out of range.</exception>
    public static MulticlassMetrics Compute(ReadOnlySpan<float> labels, ReadOnlySpan<float> probabilities, int classCount)
    {
        if (labels.Length == 0) throw new TrainingDataException("There are no examples to compute metrics on.");
        if (probabilities.Length != labels.Length * classCount)
            throw new TrainingDataException($"{labels.Length} labels need {labels.Length * classCount} probabilities, not {probabilities.Length}.");
        var confusion = new long[classCount, classCount];
        double logLoss = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            int actual = (int)labels[i];
            if ((uint)actual >= (uint)classCount) throw new TrainingDataException($"Label {labels[i]} at row {i} is not a class in 0..{classCount - 1}.");
            var row = probabilities.Slice(i * classCount, classCount);
            int predicted = 0;
            for (int c = 1; c < classCount; c++) if (row[c] > row[predicted]) predicted = c;
            confusion[actual, predicted]++;
            logLoss -= Math.Log(Math.Clamp(row[actual], 1e-15, 1));
        }
        var precision = new double[classCount];
        var recall = new double[classCount];
        double f1Sum = 0, correct = 0;
        for (int c = 0; c < classCount; c++)
        {
            long tp = confusion[c, c], predictedC = 0, actualC = 0;
            for (int o = 0; o < classCount; o++) { predictedC += confusion[o, c]; actualC += confusion[c, o]; }
            precision[c] = predictedC == 0 ? 0 : (double)tp / predictedC;
            recall[c] = actualC == 0 ? 0 : (double)tp / actualC;
            f1Sum += precision[c] + recall[c] == 0 ? 0 : 2 * precision[c] * recall[c] / (precision[c] + recall[c]);
            correct += tp;
        }
        return new MulticlassMetrics
        {
            Count = labels.Length, Accuracy = correct / labels.Length, LogLoss = logLoss / labels.Length,
            Precision = precision, Recall = recall, MacroF1 = f1Sum / classCount, ConfusionMatrix = confusion,
        };
    }
}
