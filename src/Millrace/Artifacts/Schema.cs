namespace Millrace;

/// <summary>The expected shape of the data: feature types, presence, numeric ranges and categorical domains, as MessagePack and JSON.</summary>
public sealed class Schema : Artifact;
