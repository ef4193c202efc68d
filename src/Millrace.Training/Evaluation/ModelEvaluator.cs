namespace Millrace.Training;

/// <summary>Evaluates a trained model on a raw split: overall, per slice, and permutation feature importance.</summary>
public static class ModelEvaluator
{
    /// <summary>Evaluates <paramref name="model"/> on <paramref name="eval"/>.</summary>
    /// <param name="model">The model, with its transform.</param>
    /// <param name="eval">The raw eval split, label included.</param>
    /// <param name="sliceColumns">Columns to slice by; each distinct value is a slice.</param>
    /// <param name="permutationSeed">Seeds the shuffles of permutation importance; null skips it.</param>
    /// <exception cref="TrainingDataException">The label or a slice column is missing, or the split is empty.</exception>
    public static EvaluationReport Evaluate(TrainedModel model, RawTable eval, IReadOnlyList<string> sliceColumns, int? permutationSeed = 42)
    {
        var label = model.Transform.Label;
        var labels = LabelReader.Read(eval, label, "eval");
        if (labels.Length == 0) throw new TrainingDataException("Split 'eval' is empty: there is nothing to evaluate on.");
        var predictions = model.Predict(model.Transform.Apply(eval, "eval"));
        var overall = ModelMetrics.Compute(label, labels, predictions);
        var slices = new SortedDictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        foreach (var name in sliceColumns)
        {
            var column = eval.Find(name) ?? throw new TrainingDataException($"Slice column '{name}' is missing from split 'eval'; its columns are {eval.ColumnList}.");
            var rows = new RawRows.Table([column]);
            foreach (var group in Enumerable.Range(0, labels.Length).GroupBy(i => rows.Text(0, i) ?? ""))
            {
                var indices = group.ToArray();
                int width = predictions.Length / labels.Length;
                var sliceLabels = indices.Select(i => labels[i]).ToArray();
                var slicePredictions = indices.SelectMany(i => predictions.AsSpan(i * width, width).ToArray()).ToArray();
                // A slice with one class has no AUC; its other metrics still hold.
                slices[$"{name}={group.Key}"] = ModelMetrics.Compute(label, sliceLabels, slicePredictions);
            }
        }
        var importance = permutationSeed is { } seed ? PermutationImportance(model, eval, labels, overall, seed) : new Dictionary<string, double>();
        long[,] confusion = new long[0, 0];
        IReadOnlyList<CalibrationBin> calibration = [];
        if (label.Task == PredictionTask.Binary)
        {
            var binary = BinaryMetricsCalculator.Compute(labels, predictions);
            (confusion, calibration) = (binary.ConfusionMatrix, binary.Calibration);
        }
        else if (label.Task == PredictionTask.Multiclass) confusion = MulticlassMetrics.Compute(labels, predictions, label.ClassCount).ConfusionMatrix;
        var matrix = Enumerable.Range(0, confusion.GetLength(0)).Select(r => Enumerable.Range(0, confusion.GetLength(1)).Select(c => confusion[r, c]).ToArray()).ToArray();
        return new EvaluationReport { Overall = overall, Slices = slices, ConfusionMatrix = matrix, Calibration = calibration, FeatureImportance = importance };
    }

    /// <summary>Shuffles one input column at a time and measures how much the primary metric gets worse.</summary>
    private static Dictionary<string, double> PermutationImportance(TrainedModel model, RawTable eval, float[] labels, IReadOnlyDictionary<string, double> overall, int seed)
    {
        var label = model.Transform.Label;
        string metric = ModelMetrics.PrimaryMetric(label.Task);
        double baseline = overall[metric];
        var importance = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int index = 0; index < model.Transform.InputColumns.Length; index++)
        {
            var input = model.Transform.InputColumns[index];
            var column = eval.Find(input)!;
            var order = Enumerable.Range(0, column.Length).ToArray();
            new Random(unchecked(seed * 1_000_003 + index)).Shuffle(order);
            var shuffled = column.Numbers is { } numbers
                ? RawColumn.OfNumbers(input, column.Type, order.Select(i => numbers[i]).ToArray())
                : RawColumn.OfCodes(input, order.Select(i => column.Codes![i]).ToArray(), column.Dictionary!);
            var table = new RawTable(eval.Columns.Select(c => c.Name == input ? shuffled : c).ToArray());
            double value = ModelMetrics.Compute(label, labels, model.Predict(model.Transform.Apply(table)))[metric];
            importance[input] = label.Task == PredictionTask.Regression ? value - baseline : baseline - value;
        }
        return importance;
    }
}
