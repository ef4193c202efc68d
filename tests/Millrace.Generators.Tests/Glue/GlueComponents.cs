namespace Millrace.Generators.Tests.Glue;

// Components and a pipeline compiled by the real generator in this test project, to test what the generated
// code does at run time.

public enum Rounding { Down, Nearest }

public sealed record Window(double Low, double High);

public interface IScaler
{
    static abstract double Factor { get; }
}

public sealed class Doubler : IScaler
{
    public static double Factor => 2;
}

/// <summary>Makes examples.</summary>
[Component]
public sealed partial class MakeExamples
{
    [Output] public Examples Examples { get; init; } = null!;
    [Parameter] public int Rows { get; init; } = 10;

    public ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken) => default;
}

/// <summary>Scales examples by <typeparamref name="TScaler"/>.</summary>
[Component]
public sealed partial class Scale<TScaler> where TScaler : IScaler
{
    [Input] public required Examples Examples { get; init; }
    [Input(Optional = true)] public Schema? Schema { get; init; }
    [Output] public Examples Scaled { get; init; } = null!;
    [Parameter] public double Ratio { get; init; } = 0.5;
    [Parameter] public Rounding Rounding { get; init; }
    [Parameter] public Window? Clip { get; init; }
    [Parameter] public string[] Columns { get; init; } = [];
    [Parameter] public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(1);

    public ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken) => default;
}

/// <summary>Joins two example sets.</summary>
[Component]
public sealed partial class Join
{
    [Input] public required Examples Left { get; init; }
    [Input] public required Examples Right { get; init; }
    [Output] public Examples Joined { get; init; } = null!;

    public ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken) => default;
}

[Pipeline("diamond")]
public sealed partial class Diamond
{
    public int SourceRows { get; init; } = 100;

    // Declared before its producers on purpose: the order must come from the wiring, not the declarations.
    [Sink] public Join Join => new() { Left = Left.Scaled, Right = Right.Scaled };
    [Sink] public MakeExamples Unused => new();
    public MakeExamples Source => new() { Rows = SourceRows };
    public Scale<Doubler> Left => new() { Examples = Source.Examples, Ratio = 0.25, Clip = new Window(-1, 1), Columns = ["a", "b"] };
    public Scale<Doubler> Right => new() { Examples = Source.Examples, Rounding = Rounding.Nearest };
}
