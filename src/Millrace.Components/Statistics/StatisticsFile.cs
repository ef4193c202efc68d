using MessagePack;

namespace Millrace.Components.Statistics;

/// <summary>Where an <see cref="ExampleStatistics"/> artifact keeps its <see cref="DatasetStatistics"/>: MessagePack, with a JSON copy to read.</summary>
public static class StatisticsFile
{
    /// <summary>The payload's file name inside the artifact.</summary>
    public const string FileName = "statistics.msgpack";

    /// <summary>The readable copy's file name.</summary>
    public const string JsonFileName = "statistics.json";

    /// <summary>Writes the statistics into the artifact.</summary>
    public static async Task WriteAsync(Artifact statistics, DatasetStatistics model, CancellationToken cancellationToken = default)
    {
        var bytes = MessagePackSerializer.Serialize(model, cancellationToken: cancellationToken);
        await File.WriteAllBytesAsync(statistics.GetPath(FileName), bytes, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(statistics.GetPath(JsonFileName), MessagePackSerializer.ConvertToJson(bytes, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the statistics of an artifact.</summary>
    /// <exception cref="FileNotFoundException">The artifact was not written by StatisticsGen.</exception>
    public static Task<DatasetStatistics> ReadAsync(Artifact statistics, CancellationToken cancellationToken = default) => ReadAsync(statistics.Uri, cancellationToken);

    /// <summary>Reads the payload kept in an artifact's directory (for tools that have the path from the metadata store).</summary>
    public static async Task<DatasetStatistics> ReadAsync(string directory, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Statistics artifact '{directory}' has no {FileName}: it was not written by StatisticsGen.", path);
        await using var stream = File.OpenRead(path);
        return await MessagePackSerializer.DeserializeAsync<DatasetStatistics>(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
