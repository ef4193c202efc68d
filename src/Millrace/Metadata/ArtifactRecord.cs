namespace Millrace;

/// <summary>An artifact as the metadata store records it.</summary>
/// <param name="Id">The artifact's id.</param>
/// <param name="TypeName">The artifact type's name (see <see cref="Artifact.TypeName"/>).</param>
/// <param name="Uri">The absolute path of the artifact's directory.</param>
/// <param name="State">Whether it may be consumed.</param>
/// <param name="Digest">The content digest of its files and properties (<c>sha256:…</c>).</param>
/// <param name="Properties">The properties the producing component recorded.</param>
/// <param name="CreatedAt">When it was published.</param>
public sealed record ArtifactRecord(
    long Id,
    string TypeName,
    string Uri,
    ArtifactState State,
    string Digest,
    IReadOnlyDictionary<string, string> Properties,
    DateTimeOffset CreatedAt);
