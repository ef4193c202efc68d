namespace Millrace.Tests;

/// <summary>A validation gate whose anomalies guard a copy step and what follows it.</summary>
[Pipeline("gated")]
public sealed partial class GatedPipeline
{
    public string Text { get; init; } = "good data";

    public TextSource Source => new() { Text = Text };

    public Gate Gate => new() { Examples = Source.Examples };

    public Guarded Guarded => new() { Examples = Source.Examples, Anomalies = Gate.Anomalies };

    [Sink]
    public Concat After => new() { First = Guarded.Copy };
}
