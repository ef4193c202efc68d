namespace Millrace.TestApp;

/// <summary>Eight slow chunk writers, a chain with a branch, for the kill-and-resume tests.</summary>
[Pipeline("chain")]
public sealed partial class ChainPipeline
{
    public ChunkWriter S0 => new() { Seed = 0 };

    public ChunkWriter S1 => new() { Input = S0.Output, Seed = 1 };

    public ChunkWriter S2 => new() { Input = S1.Output, Seed = 2 };

    public ChunkWriter S3 => new() { Input = S2.Output, Seed = 3 };

    public ChunkWriter B1 => new() { Input = S0.Output, Seed = 11 };

    [Sink] public ChunkWriter B2 => new() { Input = B1.Output, Seed = 12 };

    public ChunkWriter S4 => new() { Input = S3.Output, Seed = 4 };

    [Sink] public ChunkWriter S5 => new() { Input = S4.Output, Seed = 5 };
}
