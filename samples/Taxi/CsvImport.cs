using Microsoft.Extensions.Logging;
using System.Globalization;

namespace Millrace.Samples.Taxi;

/// <summary>Imports a CSV file as examples: copies it into the artifact and records its rows and columns.</summary>
[Component]
public sealed partial class CsvImport
{
    /// <summary>The CSV file to import, absolute or relative to the working directory.</summary>
    [Parameter] public required string InputPath { get; init; }

    [Output] public Examples Examples { get; init; } = null!;

    public async ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        if (!File.Exists(InputPath))
            throw new FileNotFoundException($"Step '{context.NodeName}': input file '{Path.GetFullPath(InputPath)}' does not exist.", InputPath);
        var target = Examples.GetPath("data.csv");
        await using (var source = File.OpenRead(InputPath))
        await using (var copy = File.Create(target))
        {
            await source.CopyToAsync(copy, cancellationToken);
        }
        long rows = -1; // the header is not a row
        using (var reader = new StreamReader(target))
        {
            while (await reader.ReadLineAsync(cancellationToken) is not null) rows++;
        }
        using var header = new StreamReader(target);
        var columns = (await header.ReadLineAsync(cancellationToken) ?? "").Split(',').Length;
        Examples.SetProperty("rows", Math.Max(rows, 0));
        Examples.SetProperty("columns", columns);
        context.Logger.LogInformation("Imported {Rows} rows of {Columns} columns from {Path}", rows, columns, InputPath);
    }
}
