using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Millrace.Training;

/// <summary>
/// Trains the network <typeparamref name="TModel"/> declares on the train split through the transform graph, with
/// early stopping on the eval split, and writes a <see cref="Model"/>: weights, architecture and transform, enough
/// to serve. Checkpoints each epoch under the pipeline root, so a killed run resumes where it stopped.
/// </summary>
/// <typeparam name="TModel">The model declaration: architecture and training options.</typeparam>
[Component]
public sealed partial class Trainer<TModel> where TModel : IModelDefinition
{
    /// <summary>The file a <see cref="HyperParameters"/> artifact holds: <see cref="TrainerOptions"/> as JSON.</summary>
    public const string HyperParametersFile = "trainer_options.json";

    [Input] public required Examples Examples { get; init; }

    [Input] public required TransformGraph Graph { get; init; }

    /// <summary>A tuner's choice; when wired it replaces <typeparamref name="TModel"/>'s options.</summary>
    [Input(Optional = true)] public HyperParameters? HyperParameters { get; init; }

    [Output] public Model Model { get; init; } = null!;

    /// <summary>The split trained on.</summary>
    [Parameter] public string TrainSplit { get; init; } = "train";

    /// <summary>The split early stopping watches.</summary>
    [Parameter] public string EvalSplit { get; init; } = "eval";

    /// <summary>Overrides the model's epoch count when positive.</summary>
    [Parameter] public int Epochs { get; init; }

    public async ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        var transform = await FittedTransform.LoadAsync(Graph, cancellationToken).ConfigureAwait(false);
        var options = HyperParameters is null ? TModel.Options
            : JsonSerializer.Deserialize<TrainerOptions>(await File.ReadAllTextAsync(HyperParameters.GetPath(HyperParametersFile), cancellationToken).ConfigureAwait(false))!;
        if (Epochs > 0) options = options with { Epochs = Epochs };
        using var train = await LoadAsync(transform, TrainSplit, cancellationToken).ConfigureAwait(false);
        using var eval = await LoadAsync(transform, EvalSplit, cancellationToken).ConfigureAwait(false);
        var checkpoints = CheckpointDirectory(context.PipelineRoot, options);
        using var model = TabularTrainer.Fit(transform, TModel.Architecture, train, eval, options, checkpoints,
            e => context.ReportProgress((e.Epoch + 1.0) / options.Epochs, $"epoch {e.Epoch + 1}: eval loss {e.EvalLoss:F4}"), cancellationToken);
        if (model.ResumedAtEpoch is { } resumed)
            context.Logger.LogInformation("Step {Step}: resumed at epoch {Epoch} of {Epochs} from the checkpoint in {Directory}",
                context.NodeName, resumed, options.Epochs, checkpoints);
        model.Save(Model);
        Model.SetProperty("best_epoch", model.BestEpoch);
        Model.SetProperty("epochs_run", model.History.Count);
        if (model.History.Count > 0) Model.SetProperty("eval_loss", model.History.Min(e => e.EvalLoss));
        Directory.Delete(checkpoints, recursive: true);
        context.Logger.LogInformation("Step {Step}: trained {Kind} for {Epochs} epochs; best eval loss at epoch {Best}",
            context.NodeName, TModel.Architecture.Kind, model.History.Count, model.BestEpoch);
    }

    private async Task<TrainingSet> LoadAsync(FittedTransform transform, string split, CancellationToken cancellationToken)
    {
        var table = await ExampleTables.ReadSplitAsync(Examples, split, cancellationToken).ConfigureAwait(false);
        return new TrainingSet(transform.Apply(table, split), LabelReader.Read(table, transform.Label, split), transform.Label.Task, split);
    }

    /// <summary>
    /// <c>&lt;pipeline-root&gt;/.checkpoints/&lt;key&gt;</c>, the key a digest of the inputs, the options and the model
    /// type: a rerun of the same training finds its checkpoints, a different one never does. Artifact ids are unique
    /// only within one store, so the folder must be inside that store's pipeline root.
    /// </summary>
    private string CheckpointDirectory(string pipelineRoot, TrainerOptions options)
    {
        var identity = $"{typeof(TModel).FullName}|{Examples.Id}|{Graph.Id}|{HyperParameters?.Id}|{JsonSerializer.Serialize(options)}|{TrainSplit}|{EvalSplit}";
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16];
        return Path.Combine(pipelineRoot, ".checkpoints", key);
    }
}
