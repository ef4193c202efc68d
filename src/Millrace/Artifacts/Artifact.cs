using System.Collections.Concurrent;
using System.Globalization;

namespace Millrace;

/// <summary>
/// The base of every artifact: a directory of files that one execution produced, with a few recorded properties.
/// Derive from it (with a public parameterless constructor) to declare an artifact type of your own.
/// </summary>
/// <remarks>
/// The runtime sets <see cref="Id"/> and <see cref="Uri"/>. A component writes its files under <see cref="Uri"/>
/// and may record small facts in <see cref="Properties"/>; they are stored with the artifact in the metadata store.
/// </remarks>
public abstract class Artifact
{
    /// <summary>The property that, when present, stops steps that take this artifact as an input from running.</summary>
    public const string BlockingReasonProperty = "millrace.blocking_reason";

    /// <summary>The artifact's id in the metadata store; 0 until the artifact is recorded.</summary>
    public long Id { get; internal set; }

    /// <summary>The absolute path of the directory holding the artifact's files.</summary>
    public string Uri { get; internal set; } = "";

    /// <summary>
    /// True for an output its step left without an artifact (a resolver that found nothing, see
    /// <see cref="ComponentContext.MarkOutputAbsent"/>): it has no id and no files, a consumer's optional input receives
    /// <see langword="null"/> in its place, and a consumer whose input is required is skipped.
    /// </summary>
    public bool IsAbsent { get; internal set; }

    /// <summary>Small facts recorded with the artifact (row counts, a metric, a verdict), keyed by name.</summary>
    public IDictionary<string, string> Properties { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The artifact type's name as recorded in the metadata store: its full CLR name by default.</summary>
    public virtual string TypeName => GetType().FullName!;

    /// <summary>
    /// Why downstream steps must not consume this artifact (blocking anomalies, a model that was not blessed), or
    /// <see langword="null"/> when it may be consumed. A step that takes a blocking artifact as input is not run,
    /// and the run says why.
    /// </summary>
    public string? BlockingReason
    {
        get => Properties.TryGetValue(BlockingReasonProperty, out var reason) ? reason : null;
        set
        {
            if (value is null) Properties.Remove(BlockingReasonProperty);
            else Properties[BlockingReasonProperty] = value;
        }
    }

    /// <summary>
    /// Records the SHA-256 of a file under <see cref="Uri"/> that the component hashed as it wrote it, so that
    /// publishing the artifact (whose content digest covers every file's SHA-256) need not read the file again. The
    /// note holds only while the file keeps the length and last write time it has when noted: a file changed later
    /// is read and hashed as any other.
    /// </summary>
    /// <exception cref="ArgumentException">The hash is not 32 bytes long.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public void NoteFileSha256(string path, ReadOnlySpan<byte> sha256)
    {
        if (sha256.Length != 32) throw new ArgumentException($"A SHA-256 is 32 bytes long; this one is {sha256.Length}.", nameof(sha256));
        var file = new FileInfo(path);
        if (!file.Exists) throw new FileNotFoundException($"Cannot note the SHA-256 of '{path}': the file does not exist.", path);
        _notedFiles[file.FullName] = (file.Length, file.LastWriteTimeUtc, sha256.ToArray());
    }

    /// <summary>The length and SHA-256 noted for a file by <see cref="NoteFileSha256"/>, when the file is unchanged since; otherwise <see langword="null"/>.</summary>
    internal (long Length, byte[] Sha256)? NotedSha256(string path)
    {
        var file = new FileInfo(path);
        return _notedFiles.TryGetValue(file.FullName, out var noted) && file.Exists && file.Length == noted.Length && file.LastWriteTimeUtc == noted.Written
            ? (noted.Length, noted.Sha256)
            : null;
    }

    private readonly ConcurrentDictionary<string, (long Length, DateTime Written, byte[] Sha256)> _notedFiles = new(StringComparer.Ordinal);

    /// <summary>The path of a file inside the artifact's directory.</summary>
    public string GetPath(string relativePath) => Path.Combine(Uri, relativePath);

    /// <summary>Records an integer property.</summary>
    public void SetProperty(string name, long value) => Properties[name] = value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Records a floating-point property, formatted so that it reads back exactly.</summary>
    public void SetProperty(string name, double value) => Properties[name] = value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Reads an integer property, or <see langword="null"/> when absent.</summary>
    public long? GetInt64Property(string name) =>
        Properties.TryGetValue(name, out var text) ? long.Parse(text, CultureInfo.InvariantCulture) : null;

    /// <summary>Reads a floating-point property, or <see langword="null"/> when absent.</summary>
    public double? GetDoubleProperty(string name) =>
        Properties.TryGetValue(name, out var text) ? double.Parse(text, CultureInfo.InvariantCulture) : null;

    /// <inheritdoc/>
    public override string ToString() => $"{TypeName}#{Id} ({Uri})";
}
