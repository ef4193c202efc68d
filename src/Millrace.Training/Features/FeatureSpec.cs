namespace Millrace.Training;

/// <summary>
/// One feature declared in C#: which raw columns it reads and how it becomes model input. Build one with the
/// factories of <see cref="Feature"/>; the analyzers turn it into a <see cref="FittedFeature"/>.
/// </summary>
public abstract record FeatureSpec
{
    private protected FeatureSpec(string name, IReadOnlyList<string> columns)
    {
        if (columns.Count == 0) throw new ArgumentException("A feature must read at least one column.", nameof(columns));
        Name = name;
        Columns = columns;
    }

    /// <summary>The feature's name in the transformed data.</summary>
    public string Name { get; init; }

    /// <summary>The raw columns it reads.</summary>
    public IReadOnlyList<string> Columns { get; }
}
