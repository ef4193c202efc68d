using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Millrace;

/// <summary>
/// The content digest of an artifact: SHA-256 over its files (relative paths in ordinal order, lengths and bytes)
/// and its properties. Two artifacts with the same digest are interchangeable as inputs, which is what lets the cache
/// key use digests instead of artifact ids.
/// </summary>
internal static class ContentDigest
{
    private const string Prefix = "sha256:";

    /// <summary>Computes the digest of a directory's files and an artifact's properties.</summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public static string Compute(string directory, IEnumerable<KeyValuePair<string, string>> properties)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .Select(path => (Path: path, Relative: Path.GetRelativePath(directory, path).Replace('\\', '/')))
            .OrderBy(file => file.Relative, StringComparer.Ordinal);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            foreach (var (path, relative) in files)
            {
                AppendField(hash, "file", relative);
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
                AppendInt64(hash, stream.Length);
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0) hash.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        foreach (var (name, value) in properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            AppendField(hash, "property", name);
            AppendField(hash, "value", value);
        }
        return Prefix + Convert.ToHexStringLower(hash.GetHashAndReset());
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
