using System.Collections.Immutable;

namespace Millrace.Tests;

/// <summary>
/// A resolver: hands on the newest examples that another run of the pipeline published with a tag, passing over
/// any whose files are gone, or leaves its output absent when there are none.
/// </summary>
[Component(Cacheable = false)]
public sealed partial class LatestTagged
{
    [Parameter] public string Tag { get; init; } = "";

    [Parameter] public string Probe { get; init; } = "";

    [Output] public Examples Examples { get; init; } = null!;

    public async ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        using var _ = Millrace.Tests.Probe.Enter(Probe, context.NodeName);
        var query = ArtifactQuery.For<Examples>(context.PipelineName) with
        {
            Properties = ImmutableDictionary<string, string>.Empty.Add("tag", Tag),
            ExcludedRun = context.RunId,
        };
        foreach (var candidate in await context.Metadata.FindArtifactsAsync(query, cancellationToken))
        {
            if (await context.ResolveOutputAsync(Examples, candidate, cancellationToken)) return;
        }
        context.MarkOutputAbsent(Examples);
    }
}

/// <summary>A cacheable component that tries to resolve its output, which only an uncacheable one may do.</summary>
[Component]
public sealed partial class CacheableResolver
{
    [Input] public required Examples Input { get; init; }

    [Output] public Examples Examples { get; init; } = null!;

    public async ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        var record = await context.Metadata.GetArtifactAsync(Input.Id, cancellationToken);
        await context.ResolveOutputAsync(Examples, record!, cancellationToken);
    }
}

/// <summary>Writes what a component can see of the store: whether it is the store itself, and how many runs it lists.</summary>
[Component(Cacheable = false)]
public sealed partial class StorePeek
{
    [Output] public Examples Examples { get; init; } = null!;

    public async ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        var runs = await context.Metadata.ListRunsAsync(context.PipelineName, cancellationToken: cancellationToken);
        await File.WriteAllTextAsync(Examples.GetPath("text.txt"), $"store:{context.Metadata is IMetadataStore} runs:{runs.Length}", cancellationToken);
    }
}
