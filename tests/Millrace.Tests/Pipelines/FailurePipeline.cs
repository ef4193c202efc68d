namespace Millrace.Tests;

/// <summary>A flaky step with a dependant, beside an independent slow branch.</summary>
[Pipeline("failure")]
public sealed partial class FailurePipeline
{
    public string Probe { get; init; } = "";

    public int Failures { get; init; } = 1;

    public int MaxAttempts { get; init; } = 1;

    public TextSource Source => new() { Text = "data", Probe = Probe };

    public Flaky Broken => new() { Input = Source.Examples, Failures = Failures, MaxAttempts = MaxAttempts, Probe = Probe };

    [Sink]
    public Concat AfterBroken => new() { First = Broken.Examples, Probe = Probe };

    [Sink]
    public Concat Independent => new() { First = Source.Examples, DelayMilliseconds = 200, Probe = Probe };
}
