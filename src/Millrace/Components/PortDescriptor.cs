namespace Millrace;

/// <summary>An input or output port of a component.</summary>
/// <param name="Name">The property's name, for example <c>Examples</c>.</param>
/// <param name="ArtifactType">The artifact type the port carries.</param>
/// <param name="IsOptional">True for an input declared with <c>[Input(Optional = true)]</c>.</param>
public sealed record PortDescriptor(string Name, Type ArtifactType, bool IsOptional = false)
{
    /// <summary>The artifact type's full name, as recorded in the metadata store.</summary>
    public string ArtifactTypeName => ArtifactType.FullName!;
}
