using System.Collections.Immutable;

namespace Millrace.Benchmarks.Runtime;

/// <summary>
/// A component that does nothing, written out as the generator would emit it, so that a run of it measures only
/// orchestration: cache key, metadata store, staging, digest, fsync, rename and the publish transaction.
/// </summary>
public sealed class NoOpStep : IComponent<NoOpStep>
{
    public static ComponentDescriptor ComponentDescriptor { get; } = new(
        Id: "Millrace.Benchmarks.Runtime.NoOpStep",
        Name: "NoOpStep",
        Summary: "Does nothing.",
        Inputs: [new("Input", typeof(Examples), IsOptional: true)],
        Outputs: [new("Output", typeof(Examples))],
        Parameters: [new("Index", "int", null)],
        CodeAssemblies: [typeof(NoOpStep).Assembly]);

    public Examples? Input { get; init; }

    public Examples Output { get; init; } = null!;

    public int Index { get; init; }

    ComponentDescriptor IComponent.Descriptor => ComponentDescriptor;

    void IComponent.WriteParameters(ParameterWriter writer)
    {
        writer.WritePropertyName("Index");
        writer.WriteValue(Index);
    }

    Artifact?[] IComponent.GetInputs() => [Input];

    Artifact[] IComponent.GetOutputs() => [Output];

    public ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
