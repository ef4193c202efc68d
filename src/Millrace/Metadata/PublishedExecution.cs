using System.Collections.Immutable;

namespace Millrace;

/// <summary>A succeeded execution with its live outputs in port order: what a cache hit or a partial run reuses.</summary>
/// <param name="Execution">The execution that produced the outputs.</param>
/// <param name="Outputs">Its output artifacts, in output port order.</param>
public sealed record PublishedExecution(ExecutionRecord Execution, ImmutableArray<ArtifactRecord> Outputs);
