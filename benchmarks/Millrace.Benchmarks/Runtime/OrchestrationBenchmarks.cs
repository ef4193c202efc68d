using BenchmarkDotNet.Attributes;

namespace Millrace.Benchmarks.Runtime;

/// <summary>
/// The runtime's overhead per step: a 200-step pipeline of no-op components run end to end by the
/// <see cref="LocalRunner"/> with the SQLite metadata store, on an empty store (every step runs and publishes) and on
/// a store that already has every output (every step is a verified cache hit), against the raw cost of building and
/// calling the same components in a plain loop. Times are per step (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
public class OrchestrationBenchmarks
{
    private const int Steps = 200;
    private readonly NoOpPipeline _pipeline = new(Steps);
    private string _root = "";
    private SqliteMetadataStore _store = null!;
    private LocalRunner _runner = null!;

    [IterationSetup(Target = nameof(Fresh))]
    public void FreshRoot() => Open();

    [IterationCleanup(Target = nameof(Fresh))]
    public void DeleteFreshRoot() => Close();

    [GlobalSetup(Target = nameof(Cached))]
    public void PopulatedRoot()
    {
        Open();
        var result = _runner.RunAsync(_pipeline).GetAwaiter().GetResult();
        if (result.State != RunState.Succeeded) throw new InvalidOperationException($"The warm-up run {result.State}.");
    }

    [GlobalCleanup(Target = nameof(Cached))]
    public void DeletePopulatedRoot() => Close();

    [GlobalSetup(Target = nameof(PlainLoop))]
    public void PlainRoot() => _root = Directory.CreateTempSubdirectory("millrace-bench-").FullName;

    [GlobalCleanup(Target = nameof(PlainLoop))]
    public void DeletePlainRoot() => Directory.Delete(_root, recursive: true);

    /// <summary>Every step runs: cache miss, staging, publish with fsync and rename, two transactions.</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public async Task<RunResult> Fresh() => await _runner.RunAsync(_pipeline);

    /// <summary>Every step is served from the cache after verifying that its output is intact.</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public async Task<RunResult> Cached() => await _runner.RunAsync(_pipeline);

    /// <summary>The floor: build each component from its producer's output and call ExecuteAsync, nothing recorded.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Steps)]
    public async Task<Artifact> PlainLoop()
    {
        var outputs = new Artifact[Steps];
        Artifact?[] inputs = [null];
        foreach (var index in _pipeline.Graph.TopologicalOrder)
        {
            inputs[0] = index == 0 ? null : outputs[(index - 1) / 2];
            var step = _pipeline.CreateStep(index, inputs);
            var output = step.GetOutputs()[0];
            output.Uri = _root;
            var context = new ComponentContext { PipelineName = "no-op", NodeName = _pipeline.Graph.Nodes[index].Name, RunId = "plain", ScratchDirectory = _root };
            await step.ExecuteAsync(context, CancellationToken.None);
            outputs[index] = output;
        }
        return outputs[^1];
    }

    private void Open()
    {
        _root = Directory.CreateTempSubdirectory("millrace-bench-").FullName;
        _store = SqliteMetadataStore.OpenInRoot(_root);
        _runner = new LocalRunner(_store, _root);
    }

    private void Close()
    {
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_root, recursive: true);
    }
}
