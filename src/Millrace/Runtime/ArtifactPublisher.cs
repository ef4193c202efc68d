using System.Collections.Immutable;

namespace Millrace;

/// <summary>
/// The publisher's half of the launcher split. A component writes into a staging directory under
/// <c>&lt;root&gt;/.staging/&lt;execution-id&gt;/</c>; on success each output is digested, flushed to disk and renamed
/// into <c>&lt;root&gt;/&lt;pipeline&gt;/&lt;step&gt;/&lt;output&gt;/&lt;execution-id&gt;/</c>, and only then are the artifacts,
/// their events and the execution's success committed in one metadata transaction. A process killed at any point
/// leaves at worst an unreferenced directory, never a live artifact with incomplete files.
/// </summary>
internal sealed class ArtifactPublisher(IMetadataStore store, string pipelineRoot, string pipelineName)
{
    private const string ScratchName = ".scratch";

    /// <summary>The directory where an execution's outputs are staged.</summary>
    public string StagingDirectory(long executionId) =>
        Path.Combine(pipelineRoot, ".staging", executionId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Creates the staging directories and points the outputs at them; returns the scratch directory.</summary>
    public string Stage(long executionId, ComponentDescriptor descriptor, Artifact[] outputs)
    {
        var staging = StagingDirectory(executionId);
        for (var i = 0; i < outputs.Length; i++)
        {
            outputs[i].Uri = Directory.CreateDirectory(Path.Combine(staging, descriptor.Outputs[i].Name)).FullName;
        }
        return Directory.CreateDirectory(Path.Combine(staging, ScratchName)).FullName;
    }

    /// <summary>Moves staged outputs into place and records them live with the execution's success.</summary>
    /// <returns>The outputs' content digests.</returns>
    public async Task<ImmutableArray<string>> PublishAsync(PipelineNode node, long executionId, Artifact[] outputs)
    {
        var staging = StagingDirectory(executionId);
        var scratch = Path.Combine(staging, ScratchName);
        if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
        var records = new NewArtifact[outputs.Length];
        for (var i = 0; i < outputs.Length; i++)
        {
            var (artifact, port) = (outputs[i], node.Component.Outputs[i]);
            var digest = ContentDigest.Compute(artifact.Uri, artifact.Properties);
            FileSync.FlushTree(artifact.Uri);
            var final = Path.Combine(pipelineRoot, pipelineName, node.ClusterName, port.Name,
                executionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var parent = Directory.CreateDirectory(Path.GetDirectoryName(final)!).FullName;
            Directory.Move(artifact.Uri, final);
            FileSync.FlushDirectory(parent);
            artifact.Uri = final;
            records[i] = new NewArtifact(port.Name, i, artifact.TypeName, final, digest,
                new SortedDictionary<string, string>(artifact.Properties, StringComparer.Ordinal));
        }
        // Once the renames are done the outputs must be recorded even if the run is being cancelled.
        var ids = await store.PublishExecutionAsync(executionId, records, CancellationToken.None);
        for (var i = 0; i < outputs.Length; i++) outputs[i].Id = ids[i];
        // Every output has moved out and the scratch directory is gone: the staging directory is empty. The outputs
        // are published now, so a failure to tidy up must not turn into a failed step.
        try
        {
            Directory.Delete(staging);
        }
        catch (IOException)
        {
            Discard(executionId);
        }
        return [.. records.Select(r => r.Digest)];
    }

    /// <summary>Deletes whatever is left of an execution's staging directory.</summary>
    public void Discard(long executionId)
    {
        var staging = StagingDirectory(executionId);
        try
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
        catch (IOException)
        {
            // Staging leftovers are harmless (nothing references them); a later cleanup may remove them.
        }
    }
}
