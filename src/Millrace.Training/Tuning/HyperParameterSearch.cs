namespace Millrace.Training;

/// <summary>
/// Random search with successive halving: sample configurations, train all briefly, keep the best 1/η by eval
/// loss, train those η times longer, and so on; the trials of a rung run in parallel. Reproducible: the samples
/// come from the seed, and each trial trains with its own fixed seed.
/// </summary>
public static class HyperParameterSearch
{
    /// <summary>Searches and returns every trial, the best last.</summary>
    /// <param name="transform">The transform both splits went through.</param>
    /// <param name="architecture">The network's shape.</param>
    /// <param name="train">The training split.</param>
    /// <param name="eval">The split whose loss ranks trials.</param>
    /// <param name="baseline">The options the samples start from; its epochs are those of the last rung.</param>
    /// <param name="space">What to sample.</param>
    /// <param name="trials">How many configurations to sample.</param>
    /// <param name="eta">The halving factor (3 keeps a third per rung).</param>
    /// <param name="seed">Seeds the sampling.</param>
    /// <param name="parallelism">How many trials train at once.</param>
    /// <param name="cancellationToken">Stops between trials.</param>
    public static IReadOnlyList<TunerTrial> Run(FittedTransform transform, ModelArchitecture architecture, TrainingSet train, TrainingSet eval,
        TrainerOptions baseline, SearchSpace space, int trials, int eta = 3, int seed = 42, int parallelism = 2, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(eta, 2);
        var random = new Random(seed);
        var candidates = Enumerable.Range(0, trials).Select(i => (Number: i, Options: space.Sample(random, baseline))).ToList();
        int rungs = (int)Math.Floor(Math.Log(trials) / Math.Log(eta)) + 1;
        var history = new List<TunerTrial>();
        for (int rung = 0; rung < rungs; rung++)
        {
            int epochs = Math.Max(1, (int)(baseline.Epochs / Math.Pow(eta, rungs - 1 - rung)));
            var results = new TunerTrial[candidates.Count];
            Parallel.For(0, candidates.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, i =>
            {
                var options = candidates[i].Options with { Epochs = epochs, EarlyStoppingPatience = 0 };
                using var model = TabularTrainer.Fit(transform, architecture, train, eval, options, cancellationToken: cancellationToken);
                results[i] = new TunerTrial(candidates[i].Number, rung, options, model.History.Min(e => e.EvalLoss));
            });
            history.AddRange(results);
            int keep = Math.Max(1, candidates.Count / eta);
            candidates = results.OrderBy(r => r.EvalLoss).ThenBy(r => r.Number).Take(keep)
                .Select(r => (r.Number, candidates.First(c => c.Number == r.Number).Options)).ToList();
        }
        var best = history.Where(t => t.Rung == rungs - 1).MinBy(t => t.EvalLoss)!;
        history.Remove(best);
        history.Add(best);
        return history;
    }
}
