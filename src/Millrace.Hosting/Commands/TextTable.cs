using System.Text;

namespace Millrace.Hosting;

/// <summary>Renders rows as left-aligned columns separated by two spaces, as <c>kubectl get</c> does.</summary>
internal static class TextTable
{
    public static string Render(string[] header, IEnumerable<string[]> rows)
    {
        var all = new List<string[]> { header };
        all.AddRange(rows);
        var widths = Enumerable.Range(0, header.Length).Select(c => all.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in all)
        {
            for (var c = 0; c < row.Length; c++)
            {
                text.Append(c == row.Length - 1 ? row[c] : row[c].PadRight(widths[c] + 2));
            }
            text.Append('\n');
        }
        return text.ToString();
    }
}
