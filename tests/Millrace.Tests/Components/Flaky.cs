namespace Millrace.Tests;

/// <summary>Fails its first <see cref="Failures"/> executions, then copies its input; allows retries.</summary>
[Component]
public sealed partial class Flaky : IRetryableComponent
{
    [Input] public required Examples Input { get; init; }

    [Parameter] public int Failures { get; init; }

    [Parameter] public int MaxAttempts { get; init; } = 1;

    [Parameter] public string Probe { get; init; } = "";

    [Output] public Examples Examples { get; init; } = null!;

    public RetryPolicy RetryPolicy => new(MaxAttempts, TimeSpan.FromMilliseconds(20));

    public async ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        var count = Millrace.Tests.Probe.Count(Probe, context.NodeName);
        using var _ = Millrace.Tests.Probe.Enter(Probe, context.NodeName);
        // Something is written before the failure, so that a failed attempt that published anything would show.
        await File.WriteAllTextAsync(Examples.GetPath("text.txt"), "partial", cancellationToken);
        if (count < Failures) throw new InvalidOperationException($"flaky failure {count + 1} of {Failures}");
        File.Copy(Input.GetPath("text.txt"), Examples.GetPath("text.txt"), overwrite: true);
    }
}
