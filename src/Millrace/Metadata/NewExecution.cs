using System.Collections.Immutable;

namespace Millrace;

/// <summary>What the store needs to record the start of an execution.</summary>
/// <param name="RunId">The run it belongs to (started with <see cref="IMetadataStore.StartRunAsync"/>).</param>
/// <param name="Node">The step's name.</param>
/// <param name="ComponentId">The component's id.</param>
/// <param name="CacheKey">The cache key, or <see langword="null"/> when not computed.</param>
/// <param name="Attempt">1 for the first try.</param>
/// <param name="Inputs">The input artifacts it reads: their ids, port names and port indices.</param>
public sealed record NewExecution(
    string RunId,
    string Node,
    string ComponentId,
    string? CacheKey,
    int Attempt,
    ImmutableArray<ArtifactLink> Inputs);

/// <summary>An artifact at a port of an execution.</summary>
/// <param name="ArtifactId">The artifact's id.</param>
/// <param name="Port">The port's name.</param>
/// <param name="PortIndex">The port's index.</param>
public readonly record struct ArtifactLink(long ArtifactId, string Port, int PortIndex);
