using System.Security.Cryptography;
using System.Text;

namespace Millrace;

/// <summary>
/// The cache key of a step: its component id, the code version (module version ids of the component's code
/// assemblies and of Millrace's own, which deterministic builds keep stable for unchanged source), its canonical
/// parameters and the content digests of its inputs. No manual version string: editing a component's body changes its
/// assembly's MVID, which changes the key.
/// </summary>
internal static class CacheKey
{
    private static readonly Guid CoreVersion = typeof(Artifact).Assembly.ManifestModule.ModuleVersionId;

    /// <summary>Computes the key from a built component and the digests of its inputs in port order.</summary>
    public static string Compute(IComponent component, ReadOnlySpan<string?> inputDigests)
    {
        var descriptor = component.Descriptor;
        var text = new StringBuilder(256);
        text.Append("millrace-cache/1\ncomponent:").Append(descriptor.Id).Append('\n');
        foreach (var assembly in descriptor.CodeAssemblies)
            text.Append("code:").Append(assembly.ManifestModule.ModuleVersionId.ToString("N")).Append('\n');
        text.Append("core:").Append(CoreVersion.ToString("N")).Append('\n');
        text.Append("parameters:").Append(ParameterWriter.Encode(component)).Append('\n');
        for (var i = 0; i < descriptor.Inputs.Length; i++)
            text.Append("input:").Append(descriptor.Inputs[i].Name).Append('=').Append(inputDigests[i] ?? "none").Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
