using Millrace.Components;
using Millrace.Compute.IO;

namespace Millrace.Training;

/// <summary>Reads a split of an <see cref="Examples"/> artifact (Parquet row groups) into one <see cref="RawTable"/>.</summary>
public static class ExampleTables
{
    /// <summary>Every row of one split.</summary>
    /// <exception cref="TrainingDataException">The artifact has no such split, or the split has no rows.</exception>
    public static async Task<RawTable> ReadSplitAsync(Examples examples, string split, CancellationToken cancellationToken)
    {
        if (!ExampleLayout.SplitNames(examples).Contains(split))
            throw new TrainingDataException($"The examples have no split '{split}'; their splits are {string.Join(", ", ExampleLayout.SplitNames(examples))}.");
        var parts = new List<RawTable>();
        await foreach (var batch in ExampleReader.ReadSplitAsync(examples, split, cancellationToken).ConfigureAwait(false))
            parts.Add(new RawTable(batch.Columns.Select(ToRaw).ToArray()));
        var table = RawTable.Concat(parts);
        if (table.RowCount == 0) throw new TrainingDataException($"Split '{split}' of the examples is empty.");
        return table;
    }

    private static RawColumn ToRaw(ExampleColumn column) => column.Type == ColumnType.String
        ? RawColumn.OfStrings(column.Name, column.Strings!)
        : RawColumn.OfNumbers(column.Name, column.Type, column.ToFloat64(out _));
}
