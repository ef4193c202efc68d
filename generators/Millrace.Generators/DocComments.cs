using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace Millrace.Generators;

/// <summary>
/// Reads the <c>&lt;summary&gt;</c> of a declaration from its <c>///</c> comment. Works from the trivia text, so it
/// does not depend on whether the project parses documentation comments.
/// </summary>
internal static class DocComments
{
    private static readonly Regex Summary = new("<summary>(.*?)</summary>", RegexOptions.Singleline | RegexOptions.CultureInvariant);
    private static readonly Regex Tag = new("<[^>]+>", RegexOptions.CultureInvariant);
    private static readonly Regex Reference = new(
        "<(?:see|seealso|paramref|typeparamref)\\s+(?:cref|langword|name)=\"(?:[A-Z]:)?([^\"]+)\"\\s*/>", RegexOptions.CultureInvariant);
    private static readonly Regex Space = new(@"\s+", RegexOptions.CultureInvariant);

    public static string? SummaryOf(SyntaxNode declaration)
    {
        var lines = declaration.GetLeadingTrivia().ToFullString().Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("///"))
            .Select(line => line.Substring(3));
        var match = Summary.Match(string.Join("\n", lines));
        if (!match.Success) return null;
        // <see cref="X"/>, <paramref name="X"/> and <typeparamref name="X"/> read as X; other tags go.
        var text = Reference.Replace(match.Groups[1].Value, "$1");
        text = Space.Replace(Tag.Replace(text, ""), " ").Trim();
        return text.Length == 0 ? null : text;
    }
}
