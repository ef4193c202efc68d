using System.Collections.Immutable;

namespace Millrace;

/// <summary>
/// The driver's half of the launcher split: decides whether earlier outputs can stand in for running a step. A
/// recorded execution is reusable only while every output is still live, present on disk and unchanged (its
/// recomputed digest matches the recorded one); an output found missing or changed is marked lost for good.
/// </summary>
internal sealed class CacheDriver(IMetadataStore store)
{
    /// <summary>The most recent reusable execution with this cache key, or <see langword="null"/>.</summary>
    public async Task<PublishedExecution?> FindReusableAsync(string cacheKey, CancellationToken cancellationToken)
    {
        foreach (var candidate in await store.FindCachedExecutionsAsync(cacheKey, cancellationToken))
        {
            if (await VerifyAsync(candidate, cancellationToken)) return candidate;
        }
        return null;
    }

    /// <summary>True when every output of the execution is on disk and matches its digest; marks the others lost.</summary>
    public async Task<bool> VerifyAsync(PublishedExecution execution, CancellationToken cancellationToken)
    {
        var intact = true;
        foreach (var output in execution.Outputs)
        {
            if (Directory.Exists(output.Uri) && ContentDigest.Compute(output.Uri, output.Properties) == output.Digest) continue;
            await store.MarkArtifactLostAsync(output.Id, CancellationToken.None);
            intact = false;
        }
        return intact;
    }

    /// <summary>Points a step's fresh output artifacts at the recorded ones.</summary>
    /// <exception cref="MetadataStoreException">The recorded outputs do not fit the step's ports (a changed component).</exception>
    public static ImmutableArray<string> Restore(Artifact[] outputs, PublishedExecution published)
    {
        if (outputs.Length != published.Outputs.Length)
        {
            throw new MetadataStoreException(
                $"Execution {published.Execution.Id} of step '{published.Execution.Node}' recorded {published.Outputs.Length} outputs; the step now has {outputs.Length}.");
        }
        for (var i = 0; i < outputs.Length; i++)
        {
            var (artifact, record) = (outputs[i], published.Outputs[i]);
            if (artifact.TypeName != record.TypeName)
            {
                throw new MetadataStoreException(
                    $"Output {i} of step '{published.Execution.Node}' was recorded as {record.TypeName}; the step now makes {artifact.TypeName}.");
            }
            artifact.Id = record.Id;
            artifact.Uri = record.Uri;
            artifact.Properties.Clear();
            foreach (var (name, value) in record.Properties) artifact.Properties[name] = value;
        }
        return [.. published.Outputs.Select(o => o.Digest)];
    }
}
