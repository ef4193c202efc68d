namespace Millrace.TestApp;

/// <summary>Writes a one-file report of validated statistics.</summary>
[Component(IsSink = true)]
public sealed partial class Report
{
    [Input] public required ExampleStatistics Statistics { get; init; }

    [Input] public required ExampleAnomalies Anomalies { get; init; }

    [Output] public ModelEvaluation Summary { get; init; } = null!;

    public async ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(Statistics.GetPath("statistics.txt"), cancellationToken);
        await File.WriteAllTextAsync(Summary.GetPath("report.txt"), "validated: " + text, cancellationToken);
    }
}
