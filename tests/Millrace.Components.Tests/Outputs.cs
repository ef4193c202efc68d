namespace Millrace.Components.Tests;

/// <summary>Reads what a run's steps produced.</summary>
public static class Outputs
{
    /// <summary>The first output artifact of a step that succeeded (fails the test with the step's message otherwise).</summary>
    public static Artifact Of(RunResult result, string step)
    {
        var node = result[step];
        Assert.True(node.HasOutputs, $"step '{step}' ended {node.Outcome}: {node.Message}");
        return node.Outputs[0];
    }

    /// <summary>Every row of one split as (column → value) dictionaries, read back from its Parquet files.</summary>
    public static async Task<List<Dictionary<string, object?>>> RowsAsync(Artifact examples, string split)
    {
        var rows = new List<Dictionary<string, object?>>();
        await foreach (var batch in ExampleReader.ReadSplitAsync(examples, split))
            for (int r = 0; r < batch.RowCount; r++)
                rows.Add(batch.Columns.ToDictionary(c => c.Name, c => c.Values.GetValue(r)));
        return rows;
    }
}
