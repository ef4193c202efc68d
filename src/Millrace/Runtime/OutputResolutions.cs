namespace Millrace;

/// <summary>
/// The outputs of one execution that a resolver pointed at existing artifacts or left absent, instead of writing new
/// ones; the publisher records the first as <see cref="EventKind.ResolvedOutput"/> events and nothing for the others.
/// Only a component that is not cacheable may do either: a cache hit would replay a lookup that is out of date.
/// </summary>
internal sealed class OutputResolutions(PipelineNode node, Artifact[] outputs, IMetadataStore store)
{
    private readonly ArtifactRecord?[] _resolved = new ArtifactRecord?[outputs.Length];

    /// <summary>The artifact an output was resolved to, or <see langword="null"/>.</summary>
    public ArtifactRecord? ResolvedAt(int port) => _resolved[port];

    /// <summary>Points an output at an existing artifact after checking that it is live and intact.</summary>
    public async ValueTask<bool> ResolveAsync(Artifact output, ArtifactRecord existing, CancellationToken cancellationToken)
    {
        var port = PortOf(output, nameof(ComponentContext.ResolveOutputAsync));
        if (existing.TypeName != output.TypeName)
        {
            throw new ArgumentException(
                $"Step '{node.Name}' resolved output '{node.Component.Outputs[port].Name}' ({output.TypeName}) to artifact {existing.Id}, a {existing.TypeName}.",
                nameof(existing));
        }
        if (existing.State != ArtifactState.Live) return false;
        if (!Directory.Exists(existing.Uri) || ContentDigest.Compute(existing.Uri, existing.Properties) != existing.Digest)
        {
            await store.MarkArtifactLostAsync(existing.Id, CancellationToken.None);
            return false;
        }
        cancellationToken.ThrowIfCancellationRequested();
        output.Id = existing.Id;
        output.Uri = existing.Uri;
        output.IsAbsent = false;
        output.Properties.Clear();
        foreach (var (name, value) in existing.Properties) output.Properties[name] = value;
        _resolved[port] = existing;
        return true;
    }

    /// <summary>Leaves an output without an artifact.</summary>
    public void MarkAbsent(Artifact output)
    {
        var port = PortOf(output, nameof(ComponentContext.MarkOutputAbsent));
        output.IsAbsent = true;
        output.Properties.Clear();
        _resolved[port] = null;
    }

    private int PortOf(Artifact output, string what)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (node.Component.Cacheable)
        {
            throw new InvalidOperationException(
                $"Step '{node.Name}' called {what}, which only a component declared [Component(Cacheable = false)] may do: " +
                $"a cached execution would hand on what an earlier lookup found. {node.Component.Name} is cacheable.");
        }
        var port = Array.IndexOf(outputs, output);
        if (port < 0) throw new ArgumentException($"{what} takes an output of step '{node.Name}' itself.", nameof(output));
        return port;
    }
}
