namespace Millrace.TestApp;

/// <summary>
/// Writes a file in chunks with pauses between them, hashing its input in, so that a process killed during a run
/// is likely to die with half-written outputs.
/// </summary>
[Component]
public sealed partial class ChunkWriter
{
    [Input(Optional = true)] public Examples? Input { get; init; }

    [Parameter] public int Seed { get; init; }

    [Parameter] public int Chunks { get; init; } = 6;

    [Parameter] public int PauseMilliseconds { get; init; } = 15;

    [Output] public Examples Output { get; init; } = null!;

    public async ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        var seed = Seed;
        if (Input is not null) seed ^= (await File.ReadAllBytesAsync(Input.GetPath("data.bin"), cancellationToken)).Length;
        var random = new Random(seed);
        var chunk = new byte[128 * 1024];
        await using var file = File.Create(Output.GetPath("data.bin"));
        for (var i = 0; i < Chunks; i++)
        {
            random.NextBytes(chunk);
            await file.WriteAsync(chunk, cancellationToken);
            await file.FlushAsync(cancellationToken);
            context.ReportProgress((i + 1.0) / Chunks);
            await Task.Delay(PauseMilliseconds, cancellationToken);
        }
        Output.SetProperty("bytes", file.Length);
    }
}
