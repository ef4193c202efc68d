using System.Collections.Immutable;
using System.Reflection;

namespace Millrace;

/// <summary>
/// What a component is: its identity, documentation, ports and parameters. The source generator emits one per
/// component (per closed type for a generic component); nothing here is discovered by reflection at run time.
/// </summary>
/// <param name="Id">
/// The component's identity: its full type name, with type arguments for a closed generic component
/// (<c>Millrace.Components.Trainer&lt;Samples.Taxi.TaxiModel&gt;</c>). Part of the cache key.
/// </param>
/// <param name="Name">The short name shown to people, for example <c>Trainer&lt;TaxiModel&gt;</c>.</param>
/// <param name="Summary">The class's documentation summary, or <see langword="null"/>.</param>
/// <param name="Inputs">Input ports, in declaration order.</param>
/// <param name="Outputs">Output ports, in declaration order.</param>
/// <param name="Parameters">Parameters, ordered by name (the order of the canonical encoding).</param>
/// <param name="CodeAssemblies">
/// The assemblies whose code decides what the component does: its own and those of its type arguments. Their
/// module version ids version the cache key, so that a rebuilt component never reuses stale outputs.
/// </param>
/// <param name="Cacheable">
/// False for a component declared <c>[Component(Cacheable = false)]</c>: its steps run on every run (see
/// <see cref="ComponentAttribute.Cacheable"/>).
/// </param>
public sealed record ComponentDescriptor(
    string Id,
    string Name,
    string? Summary,
    ImmutableArray<PortDescriptor> Inputs,
    ImmutableArray<PortDescriptor> Outputs,
    ImmutableArray<ParameterDescriptor> Parameters,
    ImmutableArray<Assembly> CodeAssemblies,
    bool Cacheable = true)
{
    /// <summary>The index of the input port with this name, or -1.</summary>
    public int IndexOfInput(string name) => IndexOf(Inputs, name);

    /// <summary>The index of the output port with this name, or -1.</summary>
    public int IndexOfOutput(string name) => IndexOf(Outputs, name);

    private static int IndexOf(ImmutableArray<PortDescriptor> ports, string name)
    {
        for (var i = 0; i < ports.Length; i++)
        {
            if (ports[i].Name == name) return i;
        }
        return -1;
    }
}
