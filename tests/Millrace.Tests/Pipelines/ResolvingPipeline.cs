namespace Millrace.Tests;

/// <summary>
/// A tagged source and a resolver of the newest tagged examples of earlier runs, read by one consumer whose input
/// is optional and by one whose input is required (with another separator, so that the two never share a cache key).
/// </summary>
[Pipeline("resolving")]
public sealed partial class ResolvingPipeline
{
    public string Text { get; init; } = "one";

    public string Probe { get; init; } = "";

    public TaggedSource Source => new() { Text = Text, Tag = "good" };

    public LatestTagged Previous => new() { Tag = "good", Probe = Probe };

    [Sink]
    public Concat Compare => new() { First = Source.Examples, Second = Previous.Examples, Probe = Probe };

    [Sink]
    public Concat Strict => new() { First = Previous.Examples, Separator = "|", Probe = Probe };
}

/// <summary>A cacheable component that tries to resolve an output.</summary>
[Pipeline("wrong-resolver")]
public sealed partial class WrongResolverPipeline
{
    public TaggedSource Source => new() { Text = "text" };

    [Sink]
    public CacheableResolver Resolver => new() { Input = Source.Examples };
}

/// <summary>One step that reports what it sees of the store.</summary>
[Pipeline("peek")]
public sealed partial class PeekPipeline
{
    [Sink]
    public StorePeek Peek => new();
}
