namespace Millrace.Tests;

/// <summary>Two sources joined, a tail after the join and a side branch off the right source.</summary>
[Pipeline("diamond")]
public sealed partial class DiamondPipeline
{
    public string Probe { get; init; } = "";

    public string RightText { get; init; } = "right";

    public string Separator { get; init; } = "+";

    public int JoinDelay { get; init; }

    public TextSource Left => new() { Text = "left", Probe = Probe };

    public TextSource Right => new() { Text = RightText, Probe = Probe };

    public Concat Join => new() { First = Left.Examples, Second = Right.Examples, Separator = Separator, DelayMilliseconds = JoinDelay, Probe = Probe };

    [Sink]
    public Concat Side => new() { First = Right.Examples, Probe = Probe };

    [Sink]
    public Concat Tail => new() { First = Join.Examples, Separator = "!", Probe = Probe };
}
