using Millrace.Compute.IO;

namespace Millrace.Training;

/// <summary>Reads and checks the label column of a table.</summary>
public static class LabelReader
{
    /// <summary>The labels as floats (0/1, class indices, or regression targets), one per row.</summary>
    /// <exception cref="TrainingDataException">The column is missing, of the wrong type, has missing values or values out of range.</exception>
    public static float[] Read(ColumnarTable table, LabelSpec label, string split)
    {
        var column = table.Columns.FirstOrDefault(c => c.Name == label.Column) ?? throw new TrainingDataException(
            $"The label column '{label.Column}' is missing from split '{split}'; its columns are {string.Join(", ", table.Columns.Select(c => c.Name))}.");
        if (column.MissingCount > 0)
            throw new TrainingDataException($"The label column '{label.Column}' of split '{split}' has {column.MissingCount} missing values; drop or fill those rows first.");
        var labels = new float[column.Length];
        switch (column, label.Task)
        {
            case (Int64Column ints, _):
                var values = ints.Values;
                for (int i = 0; i < labels.Length; i++)
                {
                    if (label.Task != PredictionTask.Regression && (ulong)values[i] >= (ulong)label.ClassCount)
                        throw new TrainingDataException(
                            $"The label column '{label.Column}' of split '{split}' holds {values[i]} at row {i}; a {label.Task} label must be an integer in 0..{label.ClassCount - 1}.");
                    labels[i] = values[i];
                }
                return labels;
            case (Float64Column floats, PredictionTask.Regression):
                for (int i = 0; i < labels.Length; i++) labels[i] = (float)floats.Values[i];
                return labels;
            default:
                throw new TrainingDataException(
                    $"The label column '{label.Column}' of split '{split}' is of type {column.Type}; a {label.Task} label must be " +
                    (label.Task == PredictionTask.Regression ? "numeric." : $"integers in 0..{label.ClassCount - 1}."));
        }
    }
}
