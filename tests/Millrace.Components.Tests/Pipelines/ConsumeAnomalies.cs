namespace Millrace.Components.Tests;

/// <summary>Stands for a trainer: takes examples and the validator's anomalies, and records that it ran.</summary>
[Component]
public sealed partial class ConsumeAnomalies
{
    [Input] public required Examples Examples { get; init; }

    [Input] public required ExampleAnomalies Anomalies { get; init; }

    [Output] public Model Model { get; init; } = null!;

    public async ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken) =>
        await File.WriteAllTextAsync(Model.GetPath("ran.txt"), "ran\n", cancellationToken);
}
