using System.Text.Json;
using System.Text.Json.Serialization;
using MessagePack;

namespace Millrace.Components.Validation;

/// <summary>Where an <see cref="ExampleAnomalies"/> artifact keeps its <see cref="AnomalyReport"/>: MessagePack, and JSON to read.</summary>
public static class AnomaliesFile
{
    /// <summary>The payload's file name inside the artifact.</summary>
    public const string FileName = "anomalies.msgpack";

    /// <summary>The readable copy's file name.</summary>
    public const string JsonFileName = "anomalies.json";

    /// <summary>Writes the report into the artifact.</summary>
    public static async Task WriteAsync(Artifact anomalies, AnomalyReport report, CancellationToken cancellationToken = default)
    {
        await File.WriteAllBytesAsync(anomalies.GetPath(FileName), MessagePackSerializer.Serialize(report, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(anomalies.GetPath(JsonFileName), JsonSerializer.Serialize(report, AnomalyJson.Default.AnomalyReport) + "\n", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the report of an artifact.</summary>
    /// <exception cref="FileNotFoundException">The artifact was not written by ExampleValidator.</exception>
    public static Task<AnomalyReport> ReadAsync(Artifact anomalies, CancellationToken cancellationToken = default) => ReadAsync(anomalies.Uri, cancellationToken);

    /// <summary>Reads the payload kept in an artifact's directory (for tools that have the path from the metadata store).</summary>
    public static async Task<AnomalyReport> ReadAsync(string directory, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Anomalies artifact '{directory}' has no {FileName}: it was not written by ExampleValidator.", path);
        await using var stream = File.OpenRead(path);
        return await MessagePackSerializer.DeserializeAsync<AnomalyReport>(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>The JSON form of an <see cref="AnomalyReport"/> (System.Text.Json, source-generated).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(AnomalyReport))]
internal sealed partial class AnomalyJson : JsonSerializerContext;
