namespace Millrace.Tests;

/// <summary>Writes a text as examples: the root of the test pipelines.</summary>
[Component]
public sealed partial class TextSource
{
    [Parameter] public required string Text { get; init; }

    /// <summary>A key into <see cref="Probe"/>, so that a test can count and watch executions.</summary>
    [Parameter] public string Probe { get; init; } = "";

    [Output] public Examples Examples { get; init; } = null!;

    public async ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        using var _ = Millrace.Tests.Probe.Enter(Probe, context.NodeName);
        await File.WriteAllTextAsync(Examples.GetPath("text.txt"), Text, cancellationToken);
        Examples.SetProperty("length", Text.Length);
    }
}
