using System.Globalization;

namespace Millrace.Components;

/// <summary>
/// How an <see cref="Examples"/> artifact is laid out on disk: one folder <c>Split-&lt;name&gt;</c> per split, holding
/// Parquet files (<c>part-00000.parquet</c>, …), and properties that name the splits and count their rows.
/// </summary>
public static class ExampleLayout
{
    /// <summary>The property listing the split names, comma-separated, in order.</summary>
    public const string SplitNamesProperty = "split_names";

    /// <summary>The property holding the total number of rows written.</summary>
    public const string RowsProperty = "rows";

    /// <summary>The property holding the number of bad rows found on ingest.</summary>
    public const string BadRowsProperty = "bad_rows";

    /// <summary>The property holding the span the input was taken from, when the input pattern has <c>{SPAN}</c>.</summary>
    public const string SpanProperty = "span";

    /// <summary>The property holding the number of rows of one split.</summary>
    public static string SplitRowsProperty(string split) => $"split.{split}.rows";

    /// <summary>The folder of one split.</summary>
    public static string SplitDirectory(Artifact examples, string split) => examples.GetPath($"Split-{split}");

    /// <summary>The path of the <paramref name="part"/>-th Parquet file of one split.</summary>
    public static string PartPath(Artifact examples, string split, int part) =>
        Path.Combine(SplitDirectory(examples, split), string.Create(CultureInfo.InvariantCulture, $"part-{part:D5}.parquet"));

    /// <summary>The split names recorded on the artifact.</summary>
    /// <exception cref="ExampleGenException">The artifact records no splits.</exception>
    public static IReadOnlyList<string> SplitNames(Artifact examples) =>
        examples.Properties.TryGetValue(SplitNamesProperty, out var names) && names.Length > 0
            ? names.Split(',')
            : throw new ExampleGenException($"Examples artifact '{examples.Uri}' records no '{SplitNamesProperty}': it was not written by an ExampleGen.");

    /// <summary>The Parquet files of one split, in order.</summary>
    public static IReadOnlyList<string> SplitFiles(Artifact examples, string split)
    {
        var directory = SplitDirectory(examples, split);
        if (!Directory.Exists(directory))
            throw new ExampleGenException($"Examples artifact '{examples.Uri}' has no folder for split '{split}'.");
        return Directory.GetFiles(directory, "*.parquet").Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Records the splits and their row counts on the artifact.</summary>
    public static void RecordSplits(Artifact examples, IReadOnlyList<string> splits, IReadOnlyList<long> rows)
    {
        examples.Properties[SplitNamesProperty] = string.Join(',', splits);
        for (int i = 0; i < splits.Count; i++) examples.SetProperty(SplitRowsProperty(splits[i]), rows[i]);
        examples.SetProperty(RowsProperty, rows.Sum());
    }
}
