using System.Text.Json;
using MessagePack;

namespace Millrace.Components.Schemas;

/// <summary>Where a <see cref="Schema"/> artifact keeps its <see cref="DataSchema"/>: MessagePack, and JSON for people.</summary>
public static class SchemaFile
{
    /// <summary>The payload's file name inside the artifact.</summary>
    public const string FileName = "schema.msgpack";

    /// <summary>The readable, editable copy's file name.</summary>
    public const string JsonFileName = "schema.json";

    /// <summary>Writes the schema into the artifact, in both forms.</summary>
    public static async Task WriteAsync(Artifact schema, DataSchema model, CancellationToken cancellationToken = default)
    {
        await File.WriteAllBytesAsync(schema.GetPath(FileName), MessagePackSerializer.Serialize(model, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(schema.GetPath(JsonFileName), ToJson(model), cancellationToken).ConfigureAwait(false);
        schema.SetProperty("features", model.Features.Count);
    }

    /// <summary>Reads the schema of an artifact.</summary>
    /// <exception cref="FileNotFoundException">The artifact was not written by SchemaGen or ImportSchemaGen.</exception>
    public static Task<DataSchema> ReadAsync(Artifact schema, CancellationToken cancellationToken = default) => ReadAsync(schema.Uri, cancellationToken);

    /// <summary>Reads the payload kept in an artifact's directory (for tools that have the path from the metadata store).</summary>
    public static async Task<DataSchema> ReadAsync(string directory, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Schema artifact '{directory}' has no {FileName}: it was not written by SchemaGen or ImportSchemaGen.", path);
        await using var stream = File.OpenRead(path);
        return await MessagePackSerializer.DeserializeAsync<DataSchema>(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The schema as indented JSON.</summary>
    public static string ToJson(DataSchema model) => JsonSerializer.Serialize(model, SchemaJson.Default.DataSchema) + "\n";

    /// <summary>Parses and checks a schema JSON file that a person may have edited.</summary>
    /// <exception cref="SchemaException">The file is not valid JSON or not a valid schema; the message gives the line and column.</exception>
    public static DataSchema ParseJson(string path)
    {
        DataSchema? model;
        try { model = JsonSerializer.Deserialize(File.ReadAllText(path), SchemaJson.Default.DataSchema); }
        catch (JsonException error)
        {
            throw new SchemaException($"{path}:{error.LineNumber + 1}:{error.BytePositionInLine + 1}: not a valid schema: {error.Message.Split(" Path:")[0]} Fix the JSON and run again.");
        }
        if (model is null) throw new SchemaException($"{path}:1:1: the file holds JSON null, not a schema.");
        foreach (var feature in model.Features)
        {
            if (feature.Name.Length == 0) throw new SchemaException($"{path}: a feature has no name.");
            if (feature.Type is not ("Int64" or "Float64" or "String"))
                throw new SchemaException($"{path}: feature '{feature.Name}' has type '{feature.Type}'; use Int64, Float64 or String.");
            if (feature.Min > feature.Max)
                throw new SchemaException($"{path}: feature '{feature.Name}' has min {feature.Min} above max {feature.Max}.");
            if (feature.MinPresence is < 0 or > 1)
                throw new SchemaException($"{path}: feature '{feature.Name}' has minPresence {feature.MinPresence}; use a fraction in [0, 1].");
        }
        var duplicate = model.Features.GroupBy(f => f.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new SchemaException($"{path}: feature '{duplicate.Key}' appears {duplicate.Count()} times.");
        return model;
    }
}
