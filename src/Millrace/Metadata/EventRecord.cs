namespace Millrace;

/// <summary>A link between an execution and an artifact it read or produced.</summary>
/// <param name="ExecutionId">The execution.</param>
/// <param name="ArtifactId">The artifact.</param>
/// <param name="Kind">Whether the artifact was read or produced.</param>
/// <param name="Port">The component's port name.</param>
/// <param name="PortIndex">The port's index in the component's inputs or outputs.</param>
public sealed record EventRecord(long ExecutionId, long ArtifactId, EventKind Kind, string Port, int PortIndex);
