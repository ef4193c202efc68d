using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Millrace.Training;

/// <summary>
/// Tunes <typeparamref name="TModel"/>'s training options by random search with successive halving, trials of a
/// rung in parallel, and writes the best as <see cref="HyperParameters"/> for <see cref="Trainer{TModel}"/>. Every
/// trial is recorded on the artifact (and so in the metadata store) as <c>trial.&lt;n&gt;.rung&lt;r&gt;.eval_loss</c>.
/// </summary>
/// <typeparam name="TModel">The model declaration whose options are the starting point.</typeparam>
[Component]
public sealed partial class Tuner<TModel> where TModel : IModelDefinition
{
    /// <summary>The file holding every trial as JSON.</summary>
    public const string TrialsFile = "trials.json";

    [Input] public required Examples Examples { get; init; }

    [Input] public required TransformGraph Graph { get; init; }

    [Output] public HyperParameters HyperParameters { get; init; } = null!;

    /// <summary>How many configurations to sample.</summary>
    [Parameter] public int Trials { get; init; } = 9;

    /// <summary>The halving factor.</summary>
    [Parameter] public int Eta { get; init; } = 3;

    /// <summary>Seeds the sampling.</summary>
    [Parameter] public int Seed { get; init; } = 42;

    /// <summary>Trials trained at once.</summary>
    [Parameter] public int Parallelism { get; init; } = 2;

    /// <summary>The smallest learning rate sampled.</summary>
    [Parameter] public double MinLearningRate { get; init; } = 1e-4;

    /// <summary>The largest learning rate sampled.</summary>
    [Parameter] public double MaxLearningRate { get; init; } = 1e-1;

    /// <summary>Batch sizes to choose from.</summary>
    [Parameter] public int[] BatchSizes { get; init; } = [64, 256, 512];

    /// <summary>The split trained on.</summary>
    [Parameter] public string TrainSplit { get; init; } = "train";

    /// <summary>The split whose loss ranks the trials.</summary>
    [Parameter] public string EvalSplit { get; init; } = "eval";

    public async ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        var transform = await FittedTransform.LoadAsync(Graph, cancellationToken).ConfigureAwait(false);
        var trainTable = await ExampleTables.ReadSplitAsync(Examples, TrainSplit, cancellationToken).ConfigureAwait(false);
        var evalTable = await ExampleTables.ReadSplitAsync(Examples, EvalSplit, cancellationToken).ConfigureAwait(false);
        using var train = new TrainingSet(transform.Apply(trainTable, TrainSplit), LabelReader.Read(trainTable, transform.Label, TrainSplit), transform.Label.Task, TrainSplit);
        using var eval = new TrainingSet(transform.Apply(evalTable, EvalSplit), LabelReader.Read(evalTable, transform.Label, EvalSplit), transform.Label.Task, EvalSplit);
        var space = new SearchSpace { MinLearningRate = MinLearningRate, MaxLearningRate = MaxLearningRate, BatchSizes = BatchSizes };
        var trials = HyperParameterSearch.Run(transform, TModel.Architecture, train, eval, TModel.Options, space, Trials, Eta, Seed, Parallelism, cancellationToken);
        var best = trials[^1].Options with { Epochs = TModel.Options.Epochs, EarlyStoppingPatience = TModel.Options.EarlyStoppingPatience };

        await File.WriteAllTextAsync(HyperParameters.GetPath(Trainer<TModel>.HyperParametersFile), JsonSerializer.Serialize(best), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(HyperParameters.GetPath(TrialsFile), JsonSerializer.Serialize(trials), cancellationToken).ConfigureAwait(false);
        foreach (var trial in trials)
            HyperParameters.SetProperty(string.Create(CultureInfo.InvariantCulture, $"trial.{trial.Number}.rung{trial.Rung}.eval_loss"), trial.EvalLoss);
        HyperParameters.SetProperty("learning_rate", best.LearningRate);
        HyperParameters.SetProperty("batch_size", best.BatchSize);
        context.Logger.LogInformation("Step {Step}: {Trials} trials; best learning rate {Rate:G3}, batch {Batch}, eval loss {Loss:F4}",
            context.NodeName, trials.Count, best.LearningRate, best.BatchSize, trials[^1].EvalLoss);
    }
}
