using Microsoft.Extensions.Logging;

namespace Millrace.Training;

/// <summary>
/// Hands the <see cref="Evaluator"/> its baseline: the latest blessed model of the pipeline, which is the most recent
/// <see cref="Model"/> that an <see cref="Evaluator"/> of an earlier run blessed (TFX's LatestBlessedModelStrategy).
/// The output is that artifact itself, not a copy; on the first run there is none and the output is absent, so the
/// evaluator checks value thresholds only. The step runs on every run and is never served from the cache, since
/// what it finds changes as runs bless models; the evaluator stays cached for as long as the baseline's digest
/// does not change.
/// </summary>
[Component(Cacheable = false)]
public sealed partial class LatestBlessedModelResolver
{
    /// <summary>How many blessings one query to the store reads; older ones are read a page at a time.</summary>
    private const int PageSize = 200;

    private static readonly string ModelTypeName = new Model().TypeName;

    /// <summary>The latest blessed model, or absent when the pipeline has none yet.</summary>
    [Output] public Model Model { get; init; } = null!;

    public async ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        var store = context.Metadata;
        foreach (var candidate in await BlessedModelsAsync(store, context.PipelineName, context.RunId, cancellationToken).ConfigureAwait(false))
        {
            // A candidate whose files went missing or changed is marked lost and passed over for the next one.
            if (!await context.ResolveOutputAsync(Model, candidate, cancellationToken).ConfigureAwait(false)) continue;
            var producer = await store.GetProducerAsync(candidate.Id, cancellationToken).ConfigureAwait(false);
            context.Logger.LogInformation("Step {Step}: the latest blessed model is model {Model}, trained by step {Producer} of run {Run}",
                context.NodeName, candidate.Id, producer?.Node, producer?.RunId);
            return;
        }
        context.MarkOutputAbsent(Model);
        context.Logger.LogInformation("Step {Step}: no blessed model yet; the first model is evaluated against value thresholds only", context.NodeName);
    }

    /// <summary>
    /// The live models that an evaluator of another run of the pipeline blessed, newest model first: each blessed
    /// <see cref="ModelBlessing"/> leads to the execution that made it and on to that execution's
    /// <see cref="Evaluator.Model"/> input.
    /// </summary>
    private static async Task<List<ArtifactRecord>> BlessedModelsAsync(IMetadataReader store, string pipeline, string runId, CancellationToken cancellationToken)
    {
        var query = ArtifactQuery.For<ModelBlessing>(pipeline) with
        {
            Properties = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add(Evaluator.BlessedProperty, "1"),
            ExcludedRun = runId,
            Limit = PageSize,
        };
        var models = new Dictionary<long, ArtifactRecord>();
        while (true)
        {
            var blessings = await store.FindArtifactsAsync(query, cancellationToken).ConfigureAwait(false);
            foreach (var blessing in blessings)
            {
                if (await store.GetProducerAsync(blessing.Id, cancellationToken).ConfigureAwait(false) is not { } evaluation) continue;
                var events = await store.GetEventsAsync(evaluation.Id, cancellationToken).ConfigureAwait(false);
                if (events.FirstOrDefault(e => e.Kind == EventKind.Input && e.Port == nameof(Evaluator.Model)) is not { } input) continue;
                if (models.ContainsKey(input.ArtifactId)) continue;
                if (await store.GetArtifactAsync(input.ArtifactId, cancellationToken).ConfigureAwait(false) is { State: ArtifactState.Live } model
                    && model.TypeName == ModelTypeName)
                    models[model.Id] = model;
            }
            if (blessings.Length < PageSize) break;
            query = query with { BeforeId = blessings[^1].Id };
        }
        return [.. models.Values.OrderByDescending(m => m.Id)];
    }
}
