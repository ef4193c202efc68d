namespace Millrace.Tests;

/// <summary>A validation step: blocks its consumers when its input's text contains a forbidden word.</summary>
[Component]
public sealed partial class Gate
{
    [Input] public required Examples Examples { get; init; }

    [Parameter] public string Forbidden { get; init; } = "bad";

    [Output] public ExampleAnomalies Anomalies { get; init; } = null!;

    public async ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(Examples.GetPath("text.txt"), cancellationToken);
        await File.WriteAllTextAsync(Anomalies.GetPath("anomalies.txt"), text.Contains(Forbidden) ? "forbidden" : "ok", cancellationToken);
        if (text.Contains(Forbidden)) Anomalies.BlockingReason = $"the text contains '{Forbidden}'";
    }
}
