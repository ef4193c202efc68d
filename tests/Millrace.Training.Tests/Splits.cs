using Millrace.Compute.IO;

namespace Millrace.Training.Tests;

/// <summary>A deterministic 2:1 train/eval split of a shared CSV file by a hash of each line, as ExampleGen splits.</summary>
internal static class Splits
{
    private static readonly Dictionary<string, (ColumnarTable, ColumnarTable)> Cache = [];

    public static (ColumnarTable Train, ColumnarTable Eval) Of(string relativePath)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(relativePath, out var cached)) return cached;
            var lines = File.ReadAllLines(SharedData.PathOf(relativePath));
            var train = new List<string> { lines[0] };
            var eval = new List<string> { lines[0] };
            for (int i = 1; i < lines.Length; i++) (Bucket(lines[i]) == 0 ? eval : train).Add(lines[i]);
            var result = (Tables.FromCsv(string.Join('\n', train)), Tables.FromCsv(string.Join('\n', eval)));
            Cache[relativePath] = result;
            return result;
        }
    }

    private static ulong Bucket(string line)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in line) hash = (hash ^ c) * 1099511628211UL;
        return hash % 3;
    }
}
