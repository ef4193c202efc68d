using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Millrace.Generators.Model;

/// <summary>A source location as plain values: a model must never hold a <see cref="SyntaxTree"/>.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo From(SyntaxNode node) => From(node.GetLocation());

    public static LocationInfo From(SyntaxToken token) => From(token.GetLocation());

    public static LocationInfo From(Location location) =>
        new(location.SourceTree?.FilePath ?? "", location.SourceSpan, location.GetLineSpan().Span);

    /// <summary>Recreates a location in the compilation's own tree, so that <c>#pragma warning disable</c> applies.</summary>
    public Location ToLocation(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.FilePath == FilePath) return Location.Create(tree, Span);
        }
        return Location.Create(FilePath, Span, LineSpan);
    }
}
