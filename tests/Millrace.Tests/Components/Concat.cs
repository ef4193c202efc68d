namespace Millrace.Tests;

/// <summary>Concatenates the text of one or two inputs, with an optional pause to make steps overlap.</summary>
[Component]
public sealed partial class Concat
{
    [Input] public required Examples First { get; init; }

    [Input(Optional = true)] public Examples? Second { get; init; }

    [Parameter] public string Separator { get; init; } = "+";

    [Parameter] public int DelayMilliseconds { get; init; }

    [Parameter] public string Probe { get; init; } = "";

    [Output] public Examples Examples { get; init; } = null!;

    public async ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        using var _ = Millrace.Tests.Probe.Enter(Probe, context.NodeName);
        context.ReportProgress(0, "reading");
        if (DelayMilliseconds > 0) await Task.Delay(DelayMilliseconds, cancellationToken);
        var text = await File.ReadAllTextAsync(First.GetPath("text.txt"), cancellationToken);
        if (Second is not null) text += Separator + await File.ReadAllTextAsync(Second.GetPath("text.txt"), cancellationToken);
        await File.WriteAllTextAsync(Examples.GetPath("text.txt"), text, cancellationToken);
        context.ReportProgress(1, "written");
    }
}
