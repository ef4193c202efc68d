namespace Millrace;

/// <summary>An output the publisher has put in place, to be recorded live.</summary>
/// <param name="Port">The output port's name.</param>
/// <param name="PortIndex">The output port's index.</param>
/// <param name="TypeName">The artifact type's name.</param>
/// <param name="Uri">The final absolute path of its directory.</param>
/// <param name="Digest">Its content digest.</param>
/// <param name="Properties">Its properties.</param>
public sealed record NewArtifact(
    string Port,
    int PortIndex,
    string TypeName,
    string Uri,
    string Digest,
    IReadOnlyDictionary<string, string> Properties);
