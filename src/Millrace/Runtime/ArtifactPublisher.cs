using System.Collections.Immutable;
using System.Globalization;

namespace Millrace;

/// <summary>
/// The publisher's half of the launcher split. A component writes into staging directories
/// <c>&lt;root&gt;/.staging/&lt;execution-id&gt;.&lt;output&gt;/</c>; on success each output is digested, flushed to disk and
/// renamed into <c>&lt;root&gt;/&lt;pipeline&gt;/&lt;step&gt;/&lt;output&gt;/&lt;execution-id&gt;/</c>, and only then are the
/// artifacts, their events and the execution's success committed in one metadata transaction. A process killed at
/// any point leaves at worst an unreferenced directory, never a live artifact with incomplete files.
/// </summary>
/// <remarks>
/// Staging directories sit side by side under one folder, with no folder per execution, because every directory
/// created or removed waits on the file system's journal: fewer of them is most of what a no-op step costs.
/// </remarks>
internal sealed class ArtifactPublisher(IMetadataStore store, string pipelineRoot, string pipelineName)
{
    private const string ScratchName = "scratch";
    private readonly string _staging = Path.Combine(pipelineRoot, ".staging");

    /// <summary>
    /// Creates the staging directories and points the outputs at them; returns the path of the scratch directory,
    /// which <see cref="ComponentContext.ScratchDirectory"/> creates only if the component asks for it.
    /// </summary>
    public string Stage(long executionId, ComponentDescriptor descriptor, Artifact[] outputs)
    {
        Directory.CreateDirectory(_staging);
        for (var i = 0; i < outputs.Length; i++)
        {
            outputs[i].Uri = Directory.CreateDirectory(Staged(executionId, descriptor.Outputs[i].Name)).FullName;
        }
        // Port names are C# identifiers, so "scratch" in lower case never collides with an output's directory.
        return Staged(executionId, ScratchName);
    }

    /// <summary>
    /// Moves staged outputs into place and records them live with the execution's success; an output the component
    /// resolved to an existing artifact or left absent is recorded as such, and its staging directory removed.
    /// </summary>
    /// <returns>The outputs' content digests (an empty string for an absent output).</returns>
    public async Task<ImmutableArray<string>> PublishAsync(PipelineNode node, long executionId, Artifact[] outputs, OutputResolutions? resolutions = null)
    {
        var scratch = Staged(executionId, ScratchName);
        if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
        var records = new List<NewArtifact>(outputs.Length);
        var resolved = new List<ArtifactLink>();
        var digests = new string[outputs.Length];
        for (var i = 0; i < outputs.Length; i++)
        {
            var (artifact, port) = (outputs[i], node.Component.Outputs[i]);
            if (artifact.IsAbsent || resolutions?.ResolvedAt(i) is not null)
            {
                var staged = Staged(executionId, port.Name);
                if (Directory.Exists(staged)) Directory.Delete(staged, recursive: true);
                if (resolutions?.ResolvedAt(i) is { } existing)
                {
                    resolved.Add(new ArtifactLink(existing.Id, port.Name, i));
                    digests[i] = existing.Digest;
                }
                else
                {
                    artifact.Uri = "";
                    digests[i] = "";
                }
                continue;
            }
            var digest = ContentDigest.Compute(artifact.Uri, artifact.Properties, artifact.NotedSha256);
            FileSync.FlushTree(artifact.Uri);
            var final = Path.Combine(pipelineRoot, pipelineName, node.ClusterName, port.Name, executionId.ToString(CultureInfo.InvariantCulture));
            var parent = Directory.CreateDirectory(Path.GetDirectoryName(final)!).FullName;
            Directory.Move(artifact.Uri, final);
            FileSync.FlushDirectory(parent);
            artifact.Uri = final;
            records.Add(new NewArtifact(port.Name, i, artifact.TypeName, final, digest,
                new SortedDictionary<string, string>(artifact.Properties, StringComparer.Ordinal)));
            digests[i] = digest;
        }
        // Once the renames are done the outputs must be recorded even if the run is being cancelled.
        var ids = await store.PublishExecutionAsync(executionId, records, resolved, CancellationToken.None);
        for (var r = 0; r < records.Count; r++) outputs[records[r].PortIndex].Id = ids[r];
        return [.. digests];
    }

    /// <summary>Deletes whatever is left of an execution's staging directories.</summary>
    public void Discard(long executionId)
    {
        if (!Directory.Exists(_staging)) return;
        foreach (var directory in Directory.EnumerateDirectories(_staging, executionId.ToString(CultureInfo.InvariantCulture) + ".*"))
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Staging leftovers are harmless (nothing references them); a later cleanup may remove them.
            }
        }
    }

    private string Staged(long executionId, string name) =>
        Path.Combine(_staging, executionId.ToString(CultureInfo.InvariantCulture) + "." + name);
}
