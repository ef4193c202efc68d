using System.Collections.Immutable;

namespace Millrace;

/// <summary>
/// Which artifacts <see cref="IMetadataReader.FindArtifactsAsync"/> returns: live artifacts of one type that runs of
/// one pipeline published, newest (highest id) first, at most <see cref="Limit"/> of them.
/// </summary>
/// <param name="Pipeline">The pipeline whose runs published them.</param>
/// <param name="TypeName">The artifact type's name (see <see cref="Artifact.TypeName"/>).</param>
public sealed record ArtifactQuery(string Pipeline, string TypeName)
{
    /// <summary>Properties the artifacts must have, each with exactly this value; none by default.</summary>
    public ImmutableDictionary<string, string> Properties { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>A run whose artifacts are left out (typically the run asking), or <see langword="null"/>.</summary>
    public string? ExcludedRun { get; init; }

    /// <summary>Only artifacts with a smaller id, to page past the last one of a previous answer; <see langword="null"/> for the newest.</summary>
    public long? BeforeId { get; init; }

    /// <summary>The most artifacts returned; at least 1.</summary>
    public int Limit { get; init; } = 100;

    /// <summary>A query for artifacts of type <typeparamref name="TArtifact"/> published by runs of a pipeline.</summary>
    public static ArtifactQuery For<TArtifact>(string pipeline) where TArtifact : Artifact, new() => new(pipeline, new TArtifact().TypeName);
}
