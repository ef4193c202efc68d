using System.Collections.Immutable;

namespace Millrace.Tests;

/// <summary>
/// Source → Stamp (a component compiled at test time) → Downstream, and Source → Sibling: written by hand because
/// one of its components only exists at run time.
/// </summary>
public sealed class EditedPipeline(Type stamp) : IPipeline
{
    public PipelineGraph Graph { get; } = new("edited",
        [
            new(0, "Source", "source", TextSource.ComponentDescriptor, IsSink: false, Layer: 0),
            new(1, "Stamp", "stamp", ComponentCompiler.Descriptor(stamp), IsSink: false, Layer: 1),
            new(2, "Downstream", "downstream", Concat.ComponentDescriptor, IsSink: true, Layer: 2),
            new(3, "Sibling", "sibling", Concat.ComponentDescriptor, IsSink: true, Layer: 1),
        ],
        [new(0, 0, 1, 0), new(1, 0, 2, 0), new(0, 0, 3, 0)],
        ImmutableArray.Create(0, 1, 2, 3));

    public IComponent CreateStep(int nodeIndex, ReadOnlySpan<Artifact?> inputs) => nodeIndex switch
    {
        0 => new TextSource { Text = "source", Examples = new() },
        1 => (IComponent)Activator.CreateInstance(stamp, inputs[0])!,
        2 or 3 => new Concat { First = (Examples)inputs[0]!, Examples = new() },
        _ => throw new ArgumentOutOfRangeException(nameof(nodeIndex)),
    };
}
