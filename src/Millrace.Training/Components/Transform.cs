using Microsoft.Extensions.Logging;

namespace Millrace.Training;

/// <summary>
/// Fits the features that <typeparamref name="TFeatures"/> declares on the training split (full-pass analyzers on
/// the Compute kernels) and writes the <see cref="FittedTransform"/> as a <see cref="TransformGraph"/>. The
/// transformed rows are not stored: the trainer, the evaluator and a model server apply the graph themselves,
/// through the same code, which is what keeps them free of skew.
/// </summary>
/// <typeparam name="TFeatures">The feature declarations.</typeparam>
[Component]
public sealed partial class Transform<TFeatures> where TFeatures : IFeatureSpec
{
    [Input] public required Examples Examples { get; init; }

    /// <summary>Validation results: when wired, the transform does not run on examples with blocking anomalies.</summary>
    [Input(Optional = true)] public ExampleAnomalies? Anomalies { get; init; }

    [Output] public TransformGraph Graph { get; init; } = null!;

    /// <summary>The split the analyzers run on.</summary>
    [Parameter] public string TrainSplit { get; init; } = "train";

    public async ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        var train = await ExampleTables.ReadSplitAsync(Examples, TrainSplit, cancellationToken).ConfigureAwait(false);
        var fitted = new TransformAnalyzer().Fit(TFeatures.Features, train, TrainSplit);
        LabelReader.Read(train, fitted.Label, TrainSplit);
        await fitted.SaveAsync(Graph, cancellationToken).ConfigureAwait(false);
        context.Logger.LogInformation("Step {Step}: fitted {Features} features on {Rows} rows of '{Split}'; {Width} dense values per row",
            context.NodeName, fitted.Features.Length, train.RowCount, TrainSplit, fitted.DenseWidth);
    }
}
