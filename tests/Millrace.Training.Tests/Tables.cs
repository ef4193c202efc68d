using Millrace.Compute.IO;

namespace Millrace.Training.Tests;

/// <summary>Tables for tests: from CSV text, from the shared data, and rows as a model server receives them.</summary>
internal static class Tables
{
    public static ColumnarTable FromCsv(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"millrace-training-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        try { return CsvColumnReader.ReadAll(path); }
        finally { File.Delete(path); }
    }

    public static ColumnarTable Taxi() => CsvColumnReader.ReadAll(SharedData.PathOf("taxi/taxi_big_tipper_label.csv"));

    public static ColumnarTable Penguins() => CsvColumnReader.ReadAll(SharedData.PathOf("penguins/penguins_labelled.csv"));

    /// <summary>Row <paramref name="row"/> as typed values by column name, null where missing.</summary>
    public static Dictionary<string, object?> Row(ColumnarTable table, int row) => table.Columns.ToDictionary(c => c.Name, c => c switch
    {
        _ when c.IsMissing(row) => null,
        StringColumn s => s[row],
        Int64Column i => (object?)i.Values[row],
        Float64Column f => f.Values[row],
        _ => throw new InvalidOperationException(),
    });
}
