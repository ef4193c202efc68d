using Millrace.Compute.IO;

namespace Millrace.Training;

/// <summary>Reads and checks the label column of a table.</summary>
public static class LabelReader
{
    /// <summary>The labels as floats (0/1, class indices, or regression targets), one per row.</summary>
    /// <exception cref="TrainingDataException">The column is missing, of the wrong type, has missing values or values out of range.</exception>
    public static float[] Read(ColumnarTable table, LabelSpec label, string split) => Read(RawTable.From(table), label, split);

    /// <summary>The labels as floats (0/1, class indices, or regression targets), one per row.</summary>
    /// <exception cref="TrainingDataException">The column is missing, of the wrong type, has missing values or values out of range.</exception>
    public static float[] Read(RawTable table, LabelSpec label, string split)
    {
        var column = table.Find(label.Column) ?? throw new TrainingDataException(
            $"The label column '{label.Column}' is missing from split '{split}'; its columns are {table.ColumnList}.");
        bool classes = label.Task != PredictionTask.Regression;
        if (column.Numbers is not { } numbers || (classes && column.Type != ColumnType.Int64))
            throw new TrainingDataException(
                $"The label column '{label.Column}' of split '{split}' is of type {column.Type}; a {label.Task} label must be " +
                (classes ? $"integers in 0..{label.ClassCount - 1}." : "numeric."));
        var labels = new float[numbers.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            double value = numbers[i];
            if (double.IsNaN(value))
                throw new TrainingDataException($"The label column '{label.Column}' of split '{split}' is missing at row {i}; drop or fill such rows first.");
            if (classes && (value < 0 || value >= label.ClassCount))
                throw new TrainingDataException(
                    $"The label column '{label.Column}' of split '{split}' holds {value} at row {i}; a {label.Task} label must be an integer in 0..{label.ClassCount - 1}.");
            labels[i] = (float)value;
        }
        return labels;
    }
}
