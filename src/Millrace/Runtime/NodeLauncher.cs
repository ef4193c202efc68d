using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Millrace;

/// <summary>
/// Runs one step through the launcher split: driver (blocked inputs, cache key, reuse), executor (the component's
/// <c>ExecuteAsync</c>, retried per its policy) and publisher (atomic outputs, one metadata transaction).
/// </summary>
internal sealed class NodeLauncher(
    IPipeline pipeline, IMetadataStore store, string pipelineRoot, string runId, RunOptions options, ILoggerFactory loggerFactory)
{
    private readonly CacheDriver _driver = new(store);
    private readonly ArtifactPublisher _publisher = new(store, pipelineRoot, pipeline.Graph.Name);
    private readonly ILogger _logger = loggerFactory.CreateLogger("Millrace.Runtime");
    private readonly ReadOnlyMetadata _metadata = new(store);

    /// <summary>Runs the step with resolved inputs (and their digests) in input port order.</summary>
    public async Task<NodeResult> LaunchAsync(PipelineNode node, Artifact?[] inputs, string?[] inputDigests, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var component = pipeline.CreateStep(node.Index, inputs);
        var links = Links(node, inputs);

        for (var i = 0; i < inputs.Length; i++)
        {
            // Null at a required input: its producer, a resolver, found nothing to hand on.
            if (inputs[i] is not null || node.Component.Inputs[i].IsOptional) continue;
            var producer = pipeline.Graph.IncomingEdges(node.Index).Where(e => e.TargetPort == i).Select(e => pipeline.Graph.Nodes[e.Source].Name).FirstOrDefault();
            var message = $"input '{node.Component.Inputs[i].Name}' is absent: step '{producer}' found nothing to hand on";
            var skipped = await store.StartExecutionAsync(new NewExecution(runId, node.Name, node.Component.Id, null, 1, links), CancellationToken.None);
            await store.FinishExecutionAsync(skipped, ExecutionState.Skipped, message, CancellationToken.None);
            _logger.LogWarning("Step {Node} was skipped: {Reason}", node.Name, message);
            return Result(node, NodeOutcome.Skipped, skipped, 0, clock, message);
        }

        for (var i = 0; i < inputs.Length; i++)
        {
            if (inputs[i]?.BlockingReason is not { } reason) continue;
            var message = $"input '{node.Component.Inputs[i].Name}' is blocked: {reason}";
            var blocked = await store.StartExecutionAsync(new NewExecution(runId, node.Name, node.Component.Id, null, 1, links), CancellationToken.None);
            await store.FinishExecutionAsync(blocked, ExecutionState.Blocked, message, CancellationToken.None);
            _logger.LogWarning("Step {Node} was not run: {Reason}", node.Name, message);
            return Result(node, NodeOutcome.Blocked, blocked, 0, clock, message);
        }

        var cacheKey = CacheKey.Compute(component, inputDigests);
        var execution = new NewExecution(runId, node.Name, node.Component.Id, cacheKey, 1, links);
        if (options.UseCache && node.Component.Cacheable && !options.UncachedSteps.Contains(node.Name)
            && await _driver.FindReusableAsync(cacheKey, cancellationToken) is { } reusable)
        {
            var digests = CacheDriver.Restore(component.GetOutputs(), reusable);
            var id = await store.RecordCachedExecutionAsync(execution, reusable, CancellationToken.None);
            _logger.LogInformation("Step {Node} reused the outputs of execution {Execution}", node.Name, reusable.Execution.Id);
            return Result(node, NodeOutcome.Cached, id, 0, clock, null, component.GetOutputs(), digests);
        }

        var policy = options.Retries.GetValueOrDefault(node.Name) ?? (component as IRetryableComponent)?.RetryPolicy ?? RetryPolicy.None;
        policy.Validate(node.Name);
        for (var attempt = 1; ; attempt++)
        {
            if (attempt > 1)
            {
                component = pipeline.CreateStep(node.Index, inputs);
                try
                {
                    await Task.Delay(policy.DelayBefore(attempt), cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return Result(node, NodeOutcome.Cancelled, null, attempt - 1, clock, "the run was cancelled while waiting to retry");
                }
            }
            var executionId = await store.StartExecutionAsync(execution with { Attempt = attempt }, CancellationToken.None);
            try
            {
                var outputs = component.GetOutputs();
                var digests = await ExecuteAsync(node, component, executionId, attempt, outputs, cancellationToken);
                _logger.LogInformation("Step {Node} succeeded in {Elapsed} ms", node.Name, clock.ElapsedMilliseconds);
                return Result(node, NodeOutcome.Succeeded, executionId, attempt, clock, null, outputs, digests);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                _publisher.Discard(executionId);
                await store.FinishExecutionAsync(executionId, ExecutionState.Cancelled, "cancelled", CancellationToken.None);
                return Result(node, NodeOutcome.Cancelled, executionId, attempt, clock, "cancelled while running");
            }
            catch (Exception e)
            {
                _publisher.Discard(executionId);
                var message = $"{e.GetType().Name}: {e.Message}";
                await store.FinishExecutionAsync(executionId, ExecutionState.Failed, message, CancellationToken.None);
                if (attempt < policy.MaxAttempts && !cancellationToken.IsCancellationRequested)
                {
                    _logger.LogWarning("Step {Node} failed on attempt {Attempt} of {MaxAttempts} ({Message}); retrying in {Delay}",
                        node.Name, attempt, policy.MaxAttempts, message, policy.DelayBefore(attempt + 1));
                    continue;
                }
                // The message is the user's story; the stack trace is for whoever debugs the component.
                _logger.LogError("Step {Node} failed: {Message}", node.Name, message);
                _logger.LogDebug(e, "Step {Node} failed", node.Name);
                return Result(node, NodeOutcome.Failed, executionId, attempt, clock, message);
            }
        }
    }

    private async Task<ImmutableArray<string>> ExecuteAsync(
        PipelineNode node, IComponent component, long executionId, int attempt, Artifact[] outputs, CancellationToken cancellationToken)
    {
        var scratch = _publisher.Stage(executionId, node.Component, outputs);
        options.Observer?.NodeStarted(node, attempt);
        var resolutions = new OutputResolutions(node, outputs, store);
        var context = new ComponentContext
        {
            Metadata = _metadata,
            Resolutions = resolutions,
            PipelineName = pipeline.Graph.Name,
            NodeName = node.Name,
            RunId = runId,
            PipelineRoot = pipelineRoot,
            ScratchDirectory = scratch,
            Logger = loggerFactory.CreateLogger("Millrace.Step." + node.Name),
            Progress = options.Observer is { } observer ? new ObserverProgress(observer, node) : null,
        };
        await component.ExecuteAsync(context, cancellationToken);
        return await _publisher.PublishAsync(node, executionId, outputs, resolutions);
    }

    private static ImmutableArray<ArtifactLink> Links(PipelineNode node, Artifact?[] inputs)
    {
        var links = ImmutableArray.CreateBuilder<ArtifactLink>();
        for (var i = 0; i < inputs.Length; i++)
        {
            if (inputs[i] is { } input) links.Add(new ArtifactLink(input.Id, node.Component.Inputs[i].Name, i));
        }
        return links.ToImmutable();
    }

    private static NodeResult Result(PipelineNode node, NodeOutcome outcome, long? executionId, int attempts, Stopwatch clock,
        string? message, Artifact[]? outputs = null, ImmutableArray<string> digests = default) =>
        new(node.Name, outcome, executionId, attempts, clock.Elapsed, message,
            outputs is null ? [] : [.. outputs], digests.IsDefault ? [] : digests);

    private sealed class ObserverProgress(IRunObserver observer, PipelineNode node) : IProgress<ComponentProgress>
    {
        public void Report(ComponentProgress value) => observer.NodeProgress(node, value);
    }
}
