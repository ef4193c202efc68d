using System.Collections.Immutable;
using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Millrace;

/// <summary>
/// Runs a pipeline in this process: independent steps in parallel up to <see cref="RunOptions.MaxParallelism"/>,
/// each through the driver, executor and publisher. A failed step stops only its dependants; independent branches
/// finish. Cancellation stops running steps and records the run as cancelled.
/// </summary>
/// <param name="store">Where runs, executions and artifacts are recorded.</param>
/// <param name="pipelineRoot">The directory under which artifacts are stored.</param>
/// <param name="loggerFactory">Creates the loggers of the runtime and of the components; none when <see langword="null"/>.</param>
public sealed class LocalRunner(IMetadataStore store, string pipelineRoot, ILoggerFactory? loggerFactory = null)
{
    private readonly ILoggerFactory _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
    private readonly string _pipelineRoot = Path.GetFullPath(pipelineRoot);

    /// <summary>Runs the pipeline once.</summary>
    /// <exception cref="MillraceException">
    /// The options do not fit the pipeline, or a partial run needs outputs of a step that has never published any.
    /// </exception>
    public async Task<RunResult> RunAsync(IPipeline pipeline, RunOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new RunOptions();
        var graph = pipeline.Graph;
        options.Validate(graph);
        var selected = IncludeUncacheableProducers(graph, options.Selection.Resolve(graph));
        var runId = options.RunId ?? NewRunId();
        var logger = _loggerFactory.CreateLogger("Millrace.Runtime");
        // A message-template scope is both structured (RunId, Pipeline) and readable in plain console output.
        using var runScope = logger.BeginScope("Run {RunId} of {Pipeline}", runId, graph.Name);

        await store.AbandonDeadRunsAsync(cancellationToken);
        var results = new NodeResult?[graph.Nodes.Length];
        await ReuseUnselectedProducersAsync(pipeline, selected, results, cancellationToken);

        var clock = Stopwatch.StartNew();
        await store.StartRunAsync(graph.Name, runId, cancellationToken);
        var steps = graph.TopologicalOrder.Where(i => selected[i] || results[i] is not null).Select(i => graph.Nodes[i]).ToList();
        options.Observer?.RunStarted(runId, graph, steps);
        foreach (var reused in steps.Where(s => results[s.Index] is not null)) options.Observer?.NodeFinished(reused, results[reused.Index]!);
        logger.LogInformation("Run {RunId} of {Pipeline} started: {Steps} steps", runId, graph.Name, steps.Count);

        var launcher = new NodeLauncher(pipeline, store, _pipelineRoot, runId, options, _loggerFactory);
        await new RunSchedule(graph, selected, results, options, launcher, store, runId, logger).RunAsync(cancellationToken);

        var nodes = graph.TopologicalOrder.Where(i => results[i] is not null).Select(i => results[i]!).ToImmutableArray();
        var state = cancellationToken.IsCancellationRequested || nodes.Any(n => n.Outcome == NodeOutcome.Cancelled) ? RunState.Cancelled
            // Steps skipped behind a blocking validation result are the pipeline working as meant, not a failure.
            : nodes.Any(n => n.Outcome == NodeOutcome.Failed) ? RunState.Failed
            : RunState.Succeeded;
        await store.FinishRunAsync(runId, state, CancellationToken.None);
        var result = new RunResult(runId, graph.Name, state, nodes, clock.Elapsed);
        logger.LogInformation("Run {RunId} {State} in {Elapsed} ms: {Succeeded} ran, {Cached} cached, {Failed} failed, {Skipped} skipped, {Blocked} blocked",
            runId, state, clock.ElapsedMilliseconds, result.Count(NodeOutcome.Succeeded), result.Count(NodeOutcome.Cached),
            result.Count(NodeOutcome.Failed), result.Count(NodeOutcome.Skipped), result.Count(NodeOutcome.Blocked));
        options.Observer?.RunFinished(result);
        return result;
    }

    /// <summary>A new run id: UTC time to the second (so ids sort by start) and random bits (so they never collide).</summary>
    public static string NewRunId() =>
        $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";

    // A step that is not cacheable (a resolver) answers from the store as it is now; an earlier answer is not one to
    // reuse. So a partial run also runs those of them that feed its selection (their own cacheable producers, outside
    // the selection, are reused like any other's).
    private static bool[] IncludeUncacheableProducers(PipelineGraph graph, bool[] selected)
    {
        var pending = new Stack<int>(graph.Nodes.Where(n => selected[n.Index]).Select(n => n.Index));
        while (pending.TryPop(out var index))
        {
            foreach (var edge in graph.IncomingEdges(index))
            {
                if (selected[edge.Source] || graph.Nodes[edge.Source].Component.Cacheable) continue;
                selected[edge.Source] = true;
                pending.Push(edge.Source);
            }
        }
        return selected;
    }

    // A partial run does not execute the producers outside its selection: it feeds the selected steps with the latest
    // intact outputs those producers published, and says clearly when there are none.
    private async Task ReuseUnselectedProducersAsync(IPipeline pipeline, bool[] selected, NodeResult?[] results, CancellationToken cancellationToken)
    {
        var graph = pipeline.Graph;
        var driver = new CacheDriver(store);
        foreach (var edge in graph.Edges.Where(e => selected[e.Target] && !selected[e.Source]))
        {
            if (results[edge.Source] is not null) continue;
            var (producer, consumer) = (graph.Nodes[edge.Source], graph.Nodes[edge.Target]);
            var published = await store.FindLatestPublishedAsync(graph.Name, producer.Name, cancellationToken);
            if (published is null || !await driver.VerifyAsync(published, cancellationToken))
            {
                throw new MillraceException(
                    $"Step '{consumer.Name}' needs the outputs of step '{producer.Name}', which pipeline '{graph.Name}' has no intact " +
                    $"published outputs of in '{_pipelineRoot}'; run '{producer.Name}' first (for example with --to {producer.Name}).");
            }
            // The producer's component is built only to get output artifacts of the right types; its inputs are not used.
            var outputs = pipeline.CreateStep(producer.Index, new Artifact?[producer.Component.Inputs.Length]).GetOutputs();
            var digests = CacheDriver.Restore(outputs, published);
            results[edge.Source] = new NodeResult(producer.Name, NodeOutcome.Reused, published.Execution.Id, 0, TimeSpan.Zero,
                $"outputs of run {published.Execution.RunId}", [.. outputs], digests);
        }
    }
}
