using System.Text.Json;
using System.Text.Json.Serialization;

namespace Millrace.Components.Schemas;

/// <summary>The JSON form of a <see cref="DataSchema"/> (System.Text.Json, source-generated).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(DataSchema))]
internal sealed partial class SchemaJson : JsonSerializerContext;
