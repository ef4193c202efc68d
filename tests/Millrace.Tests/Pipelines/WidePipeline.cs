namespace Millrace.Tests;

/// <summary>One source feeding six independent slow steps, to observe parallelism and cancellation.</summary>
[Pipeline("wide")]
public sealed partial class WidePipeline
{
    public string Probe { get; init; } = "";

    public int Delay { get; init; } = 150;

    public TextSource Source => new() { Text = "wide", Probe = Probe };

    [Sink] public Concat A => new() { First = Source.Examples, DelayMilliseconds = Delay, Probe = Probe };

    [Sink] public Concat B => new() { First = Source.Examples, DelayMilliseconds = Delay, Probe = Probe };

    [Sink] public Concat C => new() { First = Source.Examples, DelayMilliseconds = Delay, Probe = Probe };

    [Sink] public Concat D => new() { First = Source.Examples, DelayMilliseconds = Delay, Probe = Probe };

    [Sink] public Concat E => new() { First = Source.Examples, DelayMilliseconds = Delay, Probe = Probe };

    [Sink] public Concat F => new() { First = Source.Examples, DelayMilliseconds = Delay, Probe = Probe };
}
