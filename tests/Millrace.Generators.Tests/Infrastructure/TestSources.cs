namespace Millrace.Generators.Tests.Infrastructure;

/// <summary>Components the diagnostic and caching tests wire into pipelines.</summary>
internal static class TestSources
{
    public const string Components = """
        namespace Demo;

        /// <summary>Produces examples.</summary>
        [Component]
        public sealed partial class Producer
        {
            [Output] public Examples Examples { get; init; } = null!;

            public ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken) => default;
        }

        /// <summary>Trains a model.</summary>
        [Component]
        public sealed partial class Trainer
        {
            [Input] public required Examples Examples { get; init; }
            [Input(Optional = true)] public ModelBlessing? Blessing { get; init; }
            [Output] public Model Model { get; init; } = null!;
            [Parameter] public int Epochs { get; init; } = 10;

            public ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken) => default;
        }

        /// <summary>Evaluates a model.</summary>
        [Component]
        public sealed partial class Evaluator
        {
            [Input] public required Model Model { get; init; }
            [Output] public ModelBlessing Blessing { get; init; } = null!;

            public ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken) => default;
        }

        /// <summary>Refines a model into another.</summary>
        [Component]
        public sealed partial class Refiner
        {
            [Input] public required Model Model { get; init; }
            [Output] public Model Refined { get; init; } = null!;

            public ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken) => default;
        }

        /// <summary>Pushes a blessed model.</summary>
        [Component(IsSink = true)]
        public sealed partial class Pusher
        {
            [Input] public required Model Model { get; init; }
            [Input] public required ModelBlessing Blessing { get; init; }
            [Output] public PushedModel Pushed { get; init; } = null!;

            public ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken) => default;
        }

        /// <summary>An input neither required nor optional: only the generator can see it unwired.</summary>
        [Component]
        public sealed partial class LooseInput
        {
            [Input] public Examples Examples { get; init; } = null!;
            [Output] public Model Model { get; init; } = null!;
            public string Note { get; init; } = "";

            public ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken) => default;
        }
        """;
}
