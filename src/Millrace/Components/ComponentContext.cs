using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Millrace;

/// <summary>
/// What an executing component is given besides its ports: where it runs, a logger scoped to the node, a place
/// for scratch files, and a way to report progress.
/// </summary>
public sealed class ComponentContext
{
    /// <summary>The pipeline's name.</summary>
    public required string PipelineName { get; init; }

    /// <summary>The step's name in the pipeline.</summary>
    public required string NodeName { get; init; }

    /// <summary>The id of the run this execution belongs to.</summary>
    public required string RunId { get; init; }

    private readonly string? _pipelineRoot;

    /// <summary>
    /// The pipeline root: the directory that holds the metadata store and every artifact. A component may keep there,
    /// in a folder of its own whose name starts with a dot, state that must outlive one execution, such as a trainer's
    /// checkpoints, which a rerun after a crash resumes from.
    /// </summary>
    /// <exception cref="InvalidOperationException">The context was made without a pipeline root (outside a runner).</exception>
    public string PipelineRoot
    {
        get => _pipelineRoot ?? throw new InvalidOperationException($"The context of step '{NodeName}' was made without a pipeline root.");
        init => _pipelineRoot = value;
    }

    private readonly string _scratchDirectory = "";

    /// <summary>
    /// A directory the component may use for temporary files, created when first asked for (most components never
    /// need one, and every directory made and removed costs a file-system journal wait); it is deleted after the
    /// execution.
    /// </summary>
    public required string ScratchDirectory
    {
        get
        {
            Directory.CreateDirectory(_scratchDirectory);
            return _scratchDirectory;
        }
        init => _scratchDirectory = value;
    }

    /// <summary>A logger with the run and the node in scope.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>Receives progress reports; shown per node on an interactive terminal.</summary>
    public IProgress<ComponentProgress>? Progress { get; init; }

    private readonly IMetadataReader? _metadata;

    /// <summary>
    /// The metadata store, read-only: what earlier runs published, for a resolver to pick from (the latest blessed
    /// model, say). A component that reads it should be declared <c>[Component(Cacheable = false)]</c>, since its
    /// answer changes as runs go by while its cache key would not.
    /// </summary>
    /// <exception cref="InvalidOperationException">The context was made without a store (outside a runner).</exception>
    public IMetadataReader Metadata
    {
        get => _metadata ?? throw new InvalidOperationException($"The context of step '{NodeName}' was made without a metadata store.");
        init => _metadata = value;
    }

    /// <summary>The runtime's record of outputs resolved or left absent; null outside a runner.</summary>
    internal OutputResolutions? Resolutions { get; init; }

    /// <summary>
    /// Hands on an existing artifact as one of this step's outputs instead of writing a new one, as TFX's resolvers
    /// do: consumers read that artifact (same id, same files), its content digest enters their cache keys, and the
    /// store records a <see cref="EventKind.ResolvedOutput"/> event, so lineage still names the execution that made it.
    /// Only a component declared <c>[Component(Cacheable = false)]</c> may call it.
    /// </summary>
    /// <param name="output">One of the step's own outputs.</param>
    /// <param name="existing">The artifact to hand on, of the output's type, as <see cref="Metadata"/> returned it.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    /// <returns>
    /// True when the output now is that artifact; false when the artifact is no longer live or its files are missing
    /// or changed (it is then marked lost), so that the caller can try the next candidate.
    /// </returns>
    /// <exception cref="InvalidOperationException">The component is cacheable, or the context was made outside a runner.</exception>
    /// <exception cref="ArgumentException">The output is not the step's own, or the artifact has another type.</exception>
    public ValueTask<bool> ResolveOutputAsync(Artifact output, ArtifactRecord existing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(existing);
        return RequireResolutions().ResolveAsync(output, existing, cancellationToken);
    }

    /// <summary>
    /// Leaves one of this step's outputs without an artifact, for a resolver that found nothing (the first run has no
    /// blessed model yet): a consumer's optional input receives <see langword="null"/>, and a consumer whose input is
    /// required is skipped, saying why. Only a component declared <c>[Component(Cacheable = false)]</c> may call it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The component is cacheable, or the context was made outside a runner.</exception>
    /// <exception cref="ArgumentException">The output is not the step's own.</exception>
    public void MarkOutputAbsent(Artifact output) => RequireResolutions().MarkAbsent(output);

    private OutputResolutions RequireResolutions() =>
        Resolutions ?? throw new InvalidOperationException($"The context of step '{NodeName}' was made outside a runner; only a runner can resolve outputs.");

    /// <summary>Reports progress, if anyone listens.</summary>
    public void ReportProgress(double? fraction, string? message = null) =>
        Progress?.Report(new ComponentProgress(fraction, message));
}
