using System.Security.Cryptography;
using System.Text;

namespace Millrace;

/// <summary>
/// The content digest of an artifact: SHA-256 over its files (relative paths in ordinal order, each file's length and
/// the SHA-256 of its bytes) and its properties. The files are hashed in parallel, so publishing an artifact of
/// several large files (the splits of Examples) takes the time of the largest; a file whose writer hashed it as it
/// wrote it (<see cref="Artifact.NoteFileSha256"/>) is not read again. Two artifacts with the same digest are
/// interchangeable as inputs, which is what lets the cache key use digests instead of artifact ids.
/// </summary>
internal static class ContentDigest
{
    private const string Prefix = "sha256:";

    /// <summary>
    /// Computes the digest of a directory's files and an artifact's properties; <paramref name="noted"/> gives the
    /// length and SHA-256 of a file (by path) known without reading it, or <see langword="null"/>.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public static string Compute(string directory, IEnumerable<KeyValuePair<string, string>> properties, Func<string, (long Length, byte[] Sha256)?>? noted = null)
    {
        var files = Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .Select(path => (Path: path, Relative: Path.GetRelativePath(directory, path).Replace('\\', '/')))
            .OrderBy(file => file.Relative, StringComparer.Ordinal)
            .ToArray();
        var digests = new (long Length, byte[] Sha256)[files.Length];
        Parallel.For(0, files.Length, i => digests[i] = noted?.Invoke(files[i].Path) ?? HashFile(files[i].Path));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (int i = 0; i < files.Length; i++)
        {
            AppendField(hash, "file", files[i].Relative);
            AppendInt64(hash, digests[i].Length);
            hash.AppendData(digests[i].Sha256);
        }
        foreach (var (name, value) in properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            AppendField(hash, "property", name);
            AppendField(hash, "value", value);
        }
        return Prefix + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static (long Length, byte[] Sha256) HashFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return (stream.Length, SHA256.HashData(stream));
    }
    // Length-prefixed fields keep the encoding unambiguous: no file name can imitate the boundary of another.
    private static void AppendField(IncrementalHash hash, string tag, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        hash.AppendData(Encoding.ASCII.GetBytes(tag));
        AppendInt64(hash, bytes.Length);
        hash.AppendData(bytes);
    }

    private static void AppendInt64(IncrementalHash hash, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        hash.AppendData(bytes);
    }
}
