using System.Globalization;
using System.Text.RegularExpressions;

namespace Millrace.Components;

/// <summary>
/// Resolves an ExampleGen's input: a plain path, or a pattern whose file name or folders hold <c>{SPAN}</c> (digits,
/// TFX's span number) and <c>*</c> wildcards. With <c>{SPAN}</c>, the newest span (the largest number) is taken,
/// with every file of that span.
/// </summary>
public static class InputPattern
{
    /// <summary>The placeholder for a span number.</summary>
    public const string SpanToken = "{SPAN}";

    /// <summary>The files of the newest span, in ordinal order, and that span (or <see langword="null"/> without <c>{SPAN}</c>).</summary>
    /// <exception cref="ExampleGenException">Nothing matches.</exception>
    public static (IReadOnlyList<string> Files, long? Span) Resolve(string pattern)
    {
        if (!pattern.Contains(SpanToken, StringComparison.Ordinal) && !pattern.Contains('*', StringComparison.Ordinal))
            return File.Exists(pattern)
                ? ([pattern], null)
                : throw new ExampleGenException($"Input file '{Path.GetFullPath(pattern)}' does not exist; check the ExampleGen's InputPath.");
        var full = Path.GetFullPath(pattern.Replace(SpanToken, "\u0001", StringComparison.Ordinal)).Replace("\u0001", SpanToken, StringComparison.Ordinal);
        var root = FixedPrefix(full);
        var regex = new Regex("^" + string.Join("", full[root.Length..].Split(SpanToken).Select(part =>
            Regex.Escape(part).Replace(@"\*", "[^/]*", StringComparison.Ordinal))
            .Aggregate((a, b) => a + "(?<span>[0-9]+)" + b)) + "$", RegexOptions.CultureInvariant);
        var matches = Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Select(file => (file, match: regex.Match(Path.GetRelativePath(root, file).Replace('\\', '/'))))
                .Where(m => m.match.Success)
                .Select(m => (m.file, span: m.match.Groups["span"].Success ? long.Parse(m.match.Groups["span"].Value, CultureInfo.InvariantCulture) : (long?)null))
                .ToList()
            : [];
        if (matches.Count == 0)
            throw new ExampleGenException($"Input pattern '{pattern}' matches no file under '{root}'; check the ExampleGen's InputPath.");
        long? newest = matches.Max(m => m.span);
        var files = matches.Where(m => m.span == newest).Select(m => m.file).Order(StringComparer.Ordinal).ToArray();
        return (files, newest);
    }

    /// <summary>The folder above the first segment that holds a placeholder or a wildcard.</summary>
    private static string FixedPrefix(string full)
    {
        int first = full.IndexOfAny(['*', '{']);
        int slash = full.LastIndexOf('/', first);
        return slash <= 0 ? "/" : full[..(slash + 1)];
    }
}
