namespace Millrace.Samples.Taxi;

/// <summary>Blocks downstream steps when the examples have fewer rows than expected.</summary>
[Component]
public sealed partial class RowCountGate
{
    [Input] public required Examples Examples { get; init; }

    [Input(Optional = true)] public ExampleStatistics? Statistics { get; init; }

    [Output] public ExampleAnomalies Anomalies { get; init; } = null!;

    /// <summary>The fewest rows that pass.</summary>
    [Parameter] public long MinimumRows { get; init; } = 1;

    public async ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        var rows = Examples.GetInt64Property("rows") ?? 0;
        var verdict = rows >= MinimumRows ? "ok" : $"{rows} rows, fewer than the {MinimumRows} required";
        await File.WriteAllTextAsync(Anomalies.GetPath("anomalies.txt"), verdict + "\n", cancellationToken);
        if (rows < MinimumRows) Anomalies.BlockingReason = verdict;
    }
}
