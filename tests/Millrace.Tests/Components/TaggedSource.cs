namespace Millrace.Tests;

/// <summary>Writes a text as examples with a <c>tag</c> property, for a resolver to look for.</summary>
[Component]
public sealed partial class TaggedSource
{
    [Parameter] public required string Text { get; init; }

    [Parameter] public string Tag { get; init; } = "";

    [Output] public Examples Examples { get; init; } = null!;

    public async ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(Examples.GetPath("text.txt"), Text, cancellationToken);
        Examples.Properties["tag"] = Tag;
    }
}
