using System.Text;

namespace Millrace;

/// <summary>Renders a <see cref="PipelineGraph"/> for people: Mermaid and Graphviz DOT.</summary>
internal static class GraphExport
{
    public static string ToMermaid(PipelineGraph graph)
    {
        var text = new StringBuilder();
        text.Append("---\ntitle: ").Append(graph.Name).Append("\n---\nflowchart TD\n");
        foreach (var node in graph.Nodes)
        {
            text.Append("    ").Append(node.ClusterName).Append("[\"").Append(node.Name)
                .Append("<br/><i>").Append(Escape(node.Component.Name)).Append("</i>\"]\n");
        }
        foreach (var edge in graph.Edges)
        {
            var (source, target) = (graph.Nodes[edge.Source], graph.Nodes[edge.Target]);
            text.Append("    ").Append(source.ClusterName).Append(" -- \"")
                .Append(source.Component.Outputs[edge.SourcePort].Name).Append(" → ")
                .Append(target.Component.Inputs[edge.TargetPort].Name).Append("\" --> ")
                .Append(target.ClusterName).Append('\n');
        }
        return text.ToString();
    }

    public static string ToDot(PipelineGraph graph)
    {
        var text = new StringBuilder();
        text.Append("digraph \"").Append(graph.Name).Append("\" {\n    rankdir=TB;\n    node [shape=box];\n");
        foreach (var node in graph.Nodes)
        {
            text.Append("    \"").Append(node.ClusterName).Append("\" [label=\"").Append(node.Name)
                .Append("\\n").Append(node.Component.Name.Replace("\"", "\\\"")).Append("\"];\n");
        }
        foreach (var edge in graph.Edges)
        {
            var (source, target) = (graph.Nodes[edge.Source], graph.Nodes[edge.Target]);
            text.Append("    \"").Append(source.ClusterName).Append("\" -> \"").Append(target.ClusterName)
                .Append("\" [label=\"").Append(source.Component.Outputs[edge.SourcePort].Name).Append(" → ")
                .Append(target.Component.Inputs[edge.TargetPort].Name).Append("\"];\n");
        }
        text.Append("}\n");
        return text.ToString();
    }

    // Mermaid labels are HTML-ish: generic type names need their angle brackets escaped.
    private static string Escape(string text) => text.Replace("<", "&lt;").Replace(">", "&gt;");
}
