using System.Text;

namespace Millrace.Benchmarks.Generators;

/// <summary>
/// Sources of a large synthetic project: component types in files of their own, and one pipeline that chains
/// <c>steps</c> steps through them, each step also fanning in an earlier step's output.
/// </summary>
internal static class SyntheticPipeline
{
    public const string EditMarker = "var work = 0;";

    public static string Component(int index) => $$"""
        namespace Synthetic;

        /// <summary>Synthetic component {{index}}.</summary>
        [Component]
        public sealed partial class Stage{{index}}
        {
            [Input] public required Examples Examples { get; init; }
            [Input(Optional = true)] public Examples? Extra { get; init; }
            [Output] public Examples Result { get; init; } = null!;
            [Parameter] public int Size { get; init; } = {{index}};
            [Parameter] public string Label { get; init; } = "stage-{{index}}";

            public ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken)
            {
                {{EditMarker}}
                return ValueTask.CompletedTask;
            }
        }
        """;

    public const string Source = """
        namespace Synthetic;

        /// <summary>The first step.</summary>
        [Component]
        public sealed partial class Origin
        {
            [Output] public Examples Examples { get; init; } = null!;

            public ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken) => default;
        }
        """;

    public static string Pipeline(int steps, int componentTypes)
    {
        var text = new StringBuilder("namespace Synthetic;\n\n[Pipeline(\"synthetic\")]\npublic sealed partial class SyntheticPipeline\n{\n");
        text.Append("    public Origin Step0 => new();\n");
        for (var i = 1; i < steps; i++)
        {
            var input = i == 1 ? "Step0.Examples" : $"Step{i - 1}.Result";
            var extra = i > 2 ? $", Extra = Step{i / 2}.Result" : "";
            var sink = i == steps - 1 ? "[Sink] " : "";
            text.Append($"    {sink}public Stage{i % componentTypes} Step{i} => new() {{ Examples = {input}{extra}, Size = {i} }};\n");
        }
        return text.Append("}\n").ToString();
    }
}
