namespace Millrace.Tests;

/// <summary>Builds its output in the scratch directory first and records where that was.</summary>
[Component]
public sealed partial class ScratchUser
{
    [Output] public Examples Examples { get; init; } = null!;

    public async ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        var draft = Path.Combine(context.ScratchDirectory, "draft.txt");
        await File.WriteAllTextAsync(draft, "drafted", cancellationToken);
        File.Copy(draft, Examples.GetPath("text.txt"));
        await File.WriteAllTextAsync(Examples.GetPath("scratch-path.txt"), context.ScratchDirectory, cancellationToken);
    }
}
