namespace Millrace;

/// <summary>
/// A component instance built for one step, with its inputs, outputs and parameters set. The source generator
/// implements every member except <see cref="ExecuteAsync"/>, which the component's author writes.
/// </summary>
public interface IComponent
{
    /// <summary>What the component is.</summary>
    ComponentDescriptor Descriptor { get; }

    /// <summary>Writes the parameters' canonical encoding (ordered by name), the parameter part of the cache key.</summary>
    void WriteParameters(ParameterWriter writer);

    /// <summary>The input artifacts in port order; <see langword="null"/> for an unwired optional input.</summary>
    Artifact?[] GetInputs();

    /// <summary>The output artifacts in port order.</summary>
    Artifact[] GetOutputs();

    /// <summary>Does the component's work: reads its inputs and writes its outputs under their URIs.</summary>
    ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken);
}

/// <summary>A component type with its descriptor available without an instance.</summary>
/// <typeparam name="TSelf">The component type itself.</typeparam>
public interface IComponent<TSelf> : IComponent
    where TSelf : class, IComponent<TSelf>
{
    /// <summary>What the component is.</summary>
    static abstract ComponentDescriptor ComponentDescriptor { get; }
}
