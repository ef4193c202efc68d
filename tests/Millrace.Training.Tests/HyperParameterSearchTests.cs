namespace Millrace.Training.Tests;

public sealed class HyperParameterSearchTests
{
    private static readonly TrainerOptions Baseline = new() { Epochs = 8, BatchSize = 32, LearningRate = 1e-2 };

    [Fact]
    public void Successive_halving_keeps_the_best_half_per_rung_and_trains_survivors_longer()
    {
        var (transform, train, eval) = PenguinData.Load();
        var trials = HyperParameterSearch.Run(transform, ModelArchitecture.Mlp(8), train, eval, Baseline, new SearchSpace { BatchSizes = [16, 32] }, trials: 4, eta: 2);
        Assert.Equal([4, 2, 1], trials.GroupBy(t => t.Rung).OrderBy(g => g.Key).Select(g => g.Count()));
        Assert.Equal([2, 4, 8], trials.GroupBy(t => t.Rung).OrderBy(g => g.Key).Select(g => g.First().Options.Epochs));
        var firstRung = trials.Where(t => t.Rung == 0).OrderBy(t => t.EvalLoss).Select(t => t.Number).Take(2).Order();
        Assert.Equal(firstRung, trials.Where(t => t.Rung == 1).Select(t => t.Number).Order());
        Assert.Equal(2, trials[^1].Rung);
    }

    [Fact]
    public void The_same_seed_gives_the_same_trials_even_when_they_train_in_parallel()
    {
        var (transform, train, eval) = PenguinData.Load();
        var first = HyperParameterSearch.Run(transform, ModelArchitecture.Mlp(8), train, eval, Baseline with { Epochs = 2 }, new SearchSpace(), trials: 4, eta: 4, parallelism: 2);
        var second = HyperParameterSearch.Run(transform, ModelArchitecture.Mlp(8), train, eval, Baseline with { Epochs = 2 }, new SearchSpace(), trials: 4, eta: 4, parallelism: 2);
        Assert.Equal(first, second);
    }
}
