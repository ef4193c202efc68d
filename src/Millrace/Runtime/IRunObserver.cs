namespace Millrace;

/// <summary>
/// Receives a run's progress as it happens, for a progress display or log lines. Calls for different steps may come
/// from different threads at once; implementations must be thread-safe and quick.
/// </summary>
public interface IRunObserver
{
    /// <summary>The run has started; <paramref name="steps"/> are the steps it will touch, in topological order.</summary>
    void RunStarted(string runId, PipelineGraph graph, IReadOnlyList<PipelineNode> steps) { }

    /// <summary>A step's component is about to run (after a cache miss), on the given attempt.</summary>
    void NodeStarted(PipelineNode node, int attempt) { }

    /// <summary>A running component reported progress.</summary>
    void NodeProgress(PipelineNode node, ComponentProgress progress) { }

    /// <summary>A step has ended.</summary>
    void NodeFinished(PipelineNode node, NodeResult result) { }

    /// <summary>The run has ended.</summary>
    void RunFinished(RunResult result) { }
}
