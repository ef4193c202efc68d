using System.Text;
using System.Text.RegularExpressions;

namespace Millrace.Generators;

/// <summary>
/// Turns step names into the lowercase DNS-1123 labels clusters require (pod and template names), and checks them.
/// <c>ExampleGen</c> becomes <c>example-gen</c>, <c>HTTPServer</c> <c>http-server</c>, <c>Example_Gen</c> <c>example-gen</c>.
/// </summary>
internal static class ClusterNames
{
    private static readonly Regex Label = new("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant);

    public static string FromIdentifier(string identifier)
    {
        var text = new StringBuilder(identifier.Length + 4);
        for (var i = 0; i < identifier.Length; i++)
        {
            var c = identifier[i];
            if (c == '_')
            {
                text.Append('-');
                continue;
            }
            if (char.IsUpper(c) && i > 0 && StartsWord(identifier, i)) text.Append('-');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }

    public static bool IsValidLabel(string name) => name.Length <= 63 && Label.IsMatch(name);

    // An upper-case letter starts a word after a lower-case letter or digit ("exampleGen"), or when it ends an
    // acronym ("HTTPServer": the 'S' before 'erver').
    private static bool StartsWord(string identifier, int i)
    {
        var previous = identifier[i - 1];
        if (previous == '_') return false;
        if (char.IsLower(previous) || char.IsDigit(previous)) return true;
        return char.IsUpper(previous) && i + 1 < identifier.Length && char.IsLower(identifier[i + 1]);
    }
}
