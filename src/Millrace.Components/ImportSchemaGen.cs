using Millrace.Components.Schemas;

namespace Millrace.Components;

/// <summary>
/// Imports a schema JSON file that a person wrote or edited (start from a SchemaGen's <c>schema.json</c>) as a
/// <see cref="Schema"/> artifact, after checking it.
/// </summary>
[Component]
public sealed partial class ImportSchemaGen : IExternalInputs
{
    /// <summary>The schema JSON file.</summary>
    [Parameter] public required string SchemaPath { get; init; }

    [Output] public Schema Schema { get; init; } = null!;

    /// <summary>The schema file (see <see cref="IExternalInputs"/>): editing it makes the step import it again.</summary>
    IEnumerable<string> IExternalInputs.ExternalFiles() => [SchemaPath];

    public async ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        if (!File.Exists(SchemaPath))
            throw new SchemaException($"Step '{context.NodeName}': schema file '{Path.GetFullPath(SchemaPath)}' does not exist; set SchemaPath.");
        await SchemaFile.WriteAsync(Schema, SchemaFile.ParseJson(SchemaPath), cancellationToken).ConfigureAwait(false);
    }
}
