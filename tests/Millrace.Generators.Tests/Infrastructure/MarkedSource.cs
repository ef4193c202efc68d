using Microsoft.CodeAnalysis.Text;

namespace Millrace.Generators.Tests.Infrastructure;

/// <summary>
/// A test source with the span a diagnostic must cover written between <c>[|</c> and <c>|]</c>. The markers are
/// removed; the span, its line and its column (1-based, as the IDE shows them) are kept.
/// </summary>
internal sealed record MarkedSource(string Text, TextSpan Span, int Line, int Column)
{
    public static MarkedSource Parse(string marked)
    {
        var start = marked.IndexOf("[|", StringComparison.Ordinal);
        var end = marked.IndexOf("|]", StringComparison.Ordinal);
        if (start < 0 || end < start) throw new ArgumentException("The source has no [| |] span.", nameof(marked));
        var text = marked.Remove(end, 2).Remove(start, 2);
        var before = text[..start];
        var line = before.Count(c => c == '\n') + 1;
        var column = start - (before.LastIndexOf('\n') + 1) + 1;
        return new MarkedSource(text, new TextSpan(start, end - start - 2), line, column);
    }
}
