using Microsoft.Extensions.Configuration;

namespace Millrace.TestApp;

/// <summary>Eight slow chunk writers, a chain with a branch, for the kill-and-resume tests.</summary>
[Pipeline("chain")]
public sealed partial class ChainPipeline(IConfiguration configuration)
{
    /// <summary>The pause between chunks (<c>Chain:PauseMilliseconds</c>); long pauses make steps easy to interrupt.</summary>
    public int Pause { get; } = configuration.GetValue("Chain:PauseMilliseconds", 15);

    public ChunkWriter S0 => new() { Seed = 0, PauseMilliseconds = Pause };

    public ChunkWriter S1 => new() { Input = S0.Output, Seed = 1, PauseMilliseconds = Pause };

    public ChunkWriter S2 => new() { Input = S1.Output, Seed = 2, PauseMilliseconds = Pause };

    public ChunkWriter S3 => new() { Input = S2.Output, Seed = 3, PauseMilliseconds = Pause };

    public ChunkWriter B1 => new() { Input = S0.Output, Seed = 11, PauseMilliseconds = Pause };

    [Sink] public ChunkWriter B2 => new() { Input = B1.Output, Seed = 12, PauseMilliseconds = Pause };

    public ChunkWriter S4 => new() { Input = S3.Output, Seed = 4, PauseMilliseconds = Pause };

    [Sink] public ChunkWriter S5 => new() { Input = S4.Output, Seed = 5, PauseMilliseconds = Pause };
}
