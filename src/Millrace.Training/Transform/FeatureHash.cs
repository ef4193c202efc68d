using System.Text;

namespace Millrace.Training;

/// <summary>A stable hash for hashed features: FNV-1a over UTF-8, the same on every machine and every run.</summary>
internal static class FeatureHash
{
    /// <summary>The bucket of a text among <paramref name="buckets"/>; a missing value hashes as the empty text.</summary>
    public static int Bucket(string? text, int buckets)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(text ?? "")) hash = (hash ^ b) * 1099511628211UL;
        return (int)(hash % (ulong)buckets);
    }
}
