using System.Globalization;
using System.Text;

namespace Millrace.Samples.Taxi;

/// <summary>Profiles every numeric column of imported examples: count, missing, min, max and mean.</summary>
[Component]
public sealed partial class ColumnProfile
{
    [Input] public required Examples Examples { get; init; }

    [Output] public ExampleStatistics Statistics { get; init; } = null!;

    /// <summary>The most columns profiled; the rest are counted but not described.</summary>
    [Parameter] public int MaxColumns { get; init; } = 64;

    public async ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(Examples.GetPath("data.csv"));
        var names = (await reader.ReadLineAsync(cancellationToken) ?? "").Split(',');
        var width = Math.Min(names.Length, MaxColumns);
        var (count, missing, min, max, sum) = (new long[width], new long[width], new double[width], new double[width], new double[width]);
        Array.Fill(min, double.PositiveInfinity);
        Array.Fill(max, double.NegativeInfinity);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            var cells = line.Split(',');
            for (var i = 0; i < width && i < cells.Length; i++)
            {
                if (cells[i].Length == 0) { missing[i]++; continue; }
                if (!double.TryParse(cells[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) continue;
                count[i]++;
                sum[i] += value;
                min[i] = Math.Min(min[i], value);
                max[i] = Math.Max(max[i], value);
            }
        }
        var report = new StringBuilder("column,count,missing,min,max,mean\n");
        for (var i = 0; i < width; i++)
        {
            if (count[i] == 0) continue;
            report.Append(CultureInfo.InvariantCulture, $"{names[i]},{count[i]},{missing[i]},{min[i]},{max[i]},{sum[i] / count[i]}\n");
        }
        await File.WriteAllTextAsync(Statistics.GetPath("profile.csv"), report.ToString(), cancellationToken);
        Statistics.SetProperty("columns", width);
    }
}
