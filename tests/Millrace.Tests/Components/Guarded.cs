namespace Millrace.Tests;

/// <summary>Copies examples, but only runs when the gate's anomalies do not block it.</summary>
[Component]
public sealed partial class Guarded
{
    [Input] public required Examples Examples { get; init; }

    [Input] public required ExampleAnomalies Anomalies { get; init; }

    [Output] public Examples Copy { get; init; } = null!;

    public ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        File.Copy(Examples.GetPath("text.txt"), Copy.GetPath("text.txt"));
        return ValueTask.CompletedTask;
    }
}
