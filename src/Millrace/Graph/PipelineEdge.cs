namespace Millrace;

/// <summary>A typed connection from one step's output port to another step's input port.</summary>
/// <param name="Source">The producing node's index.</param>
/// <param name="SourcePort">The index of the output port in the producer's <see cref="ComponentDescriptor.Outputs"/>.</param>
/// <param name="Target">The consuming node's index.</param>
/// <param name="TargetPort">The index of the input port in the consumer's <see cref="ComponentDescriptor.Inputs"/>.</param>
public sealed record PipelineEdge(int Source, int SourcePort, int Target, int TargetPort);
