namespace Millrace.TestApp;

/// <summary>Copies a text file into the pipeline as examples and records its line count.</summary>
[Component]
public sealed partial class ImportText
{
    [Parameter] public required string InputPath { get; init; }

    [Output] public Examples Examples { get; init; } = null!;

    public async ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        if (!File.Exists(InputPath))
            throw new FileNotFoundException($"input file '{Path.GetFullPath(InputPath)}' does not exist", InputPath);
        File.Copy(InputPath, Examples.GetPath("data.csv"));
        var lines = 0L;
        await foreach (var _ in File.ReadLinesAsync(InputPath, cancellationToken)) lines++;
        Examples.SetProperty("rows", Math.Max(lines - 1, 0));
    }
}
