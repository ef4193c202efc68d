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

    /// <summary>Reports progress, if anyone listens.</summary>
    public void ReportProgress(double? fraction, string? message = null) =>
        Progress?.Report(new ComponentProgress(fraction, message));
}
