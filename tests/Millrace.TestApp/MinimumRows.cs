namespace Millrace.TestApp;

/// <summary>Blocks downstream steps when the examples have fewer rows than required.</summary>
[Component]
public sealed partial class MinimumRows
{
    [Input] public required Examples Examples { get; init; }

    [Parameter] public long Minimum { get; init; } = 1;

    [Output] public ExampleAnomalies Anomalies { get; init; } = null!;

    public async ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        var rows = Examples.GetInt64Property("rows") ?? 0;
        var ok = rows >= Minimum;
        await File.WriteAllTextAsync(Anomalies.GetPath("anomalies.txt"), ok ? "ok\n" : $"{rows} rows\n", cancellationToken);
        if (!ok) Anomalies.BlockingReason = $"{rows} rows, fewer than the {Minimum} required";
    }
}
