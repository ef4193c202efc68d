using System.Globalization;

namespace Millrace.TestApp;

/// <summary>Counts rows and fields and measures line lengths of imported examples.</summary>
[Component]
public sealed partial class LineStatistics
{
    [Input] public required Examples Examples { get; init; }

    [Output] public ExampleStatistics Statistics { get; init; } = null!;

    public async ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        var (lines, longest, total) = (0L, 0, 0L);
        await foreach (var line in File.ReadLinesAsync(Examples.GetPath("data.csv"), cancellationToken))
        {
            (lines, longest, total) = (lines + 1, Math.Max(longest, line.Length), total + line.Length);
        }
        Statistics.SetProperty("lines", lines);
        Statistics.SetProperty("longest", longest);
        Statistics.SetProperty("mean_length", lines == 0 ? 0 : (double)total / lines);
        await File.WriteAllTextAsync(Statistics.GetPath("statistics.txt"),
            string.Create(CultureInfo.InvariantCulture, $"lines={lines} longest={longest} total={total}\n"), cancellationToken);
    }
}
