namespace Millrace.Tests;

/// <summary>One step that uses its scratch directory.</summary>
[Pipeline("scratch")]
public sealed partial class ScratchPipeline
{
    [Sink] public ScratchUser Draft => new();
}
