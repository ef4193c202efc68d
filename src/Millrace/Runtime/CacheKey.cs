using System.Security.Cryptography;
using System.Text;

namespace Millrace;

/// <summary>
/// The cache key of a step: its component id, the code version (module version ids of the component's code
/// assemblies and of Millrace's own, which deterministic builds keep stable for unchanged source), its canonical
/// parameters, the content digests of its inputs and, for an <see cref="IExternalInputs"/> component, the path, length
/// and last write time of each file it reads from outside the pipeline. No manual version string: editing a
/// component's body changes its assembly's MVID, which changes the key.
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
        if (component is IExternalInputs external) AppendExternalFiles(text, external);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// One line per external file, in ordinal order of full path: its length and last write time (UTC ticks), or that
    /// it is absent. When the files cannot be named (a pattern that matches nothing), the key gets a line no other key
    /// has: the step then runs, and fails with its own account of the problem.
    /// </summary>
    private static void AppendExternalFiles(StringBuilder text, IExternalInputs component)
    {
        List<string> paths;
        try
        {
            paths = [.. component.ExternalFiles().Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            text.Append("external:unresolved:").Append(Guid.NewGuid().ToString("N")).Append('\n');
            return;
        }
        foreach (var path in paths)
        {
            var file = new FileInfo(path);
            text.Append("external:").Append(path).Append('|');
            if (file.Exists) text.Append(file.Length).Append('|').Append(file.LastWriteTimeUtc.Ticks).Append('\n');
            else text.Append("absent\n");
        }
    }
}
