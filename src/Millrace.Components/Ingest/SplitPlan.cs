namespace Millrace.Components;

/// <summary>
/// How an ExampleGen's parameters choose splits: a hash split of one input into weighted splits, or splits given
/// as separate inputs (<c>name=pattern</c>).
/// </summary>
internal sealed record SplitPlan(IReadOnlyList<string> Names, IReadOnlyList<(string Split, string Pattern)> Inputs, bool Hashed)
{
    /// <summary>Reads the plan from the parameters shared by every ExampleGen.</summary>
    /// <exception cref="ExampleGenException">Neither or both of the input forms are given, or one is malformed.</exception>
    public static SplitPlan From(string step, string inputPath, string[] inputSplits, string[] splitNames)
    {
        if (inputSplits.Length > 0)
        {
            if (inputPath.Length > 0)
                throw new ExampleGenException($"Step '{step}': set either InputPath (one input, hash-split) or InputSplits (one input per split), not both.");
            var pairs = inputSplits.Select(entry => entry.Split('=', 2) is [var name, var pattern] && name.Length > 0 && pattern.Length > 0
                ? (name.Trim(), pattern.Trim())
                : throw new ExampleGenException($"Step '{step}': InputSplits entry '{entry}' must read 'split=path-or-pattern', e.g. 'train=data/train.csv'.")).ToArray();
            return new SplitPlan(pairs.Select(p => p.Item1).ToArray(), pairs, Hashed: false);
        }
        if (inputPath.Length == 0)
            throw new ExampleGenException($"Step '{step}': set InputPath (a file or a pattern with {InputPattern.SpanToken}) or InputSplits.");
        return new SplitPlan(splitNames, [("", inputPath)], Hashed: true);
    }

    /// <summary>
    /// The files of every input, patterns resolved as the steps resolve them: what an ExampleGen names as its
    /// <see cref="IExternalInputs"/>, from its parameters.
    /// </summary>
    public static IEnumerable<string> ExternalFiles(string step, string inputPath, string[] inputSplits, string[] splitNames) =>
        From(step, inputPath, inputSplits, splitNames).Inputs.SelectMany(input => InputPattern.Resolve(input.Pattern).Files);

    /// <summary>The assigner for a hash split, hashing <paramref name="splitColumn"/> (or the row when empty).</summary>
    /// <exception cref="ExampleGenException">The split column is not among the input's columns.</exception>
    public SplitAssigner Assigner(string step, IReadOnlyList<string> columns, string splitColumn, int[] weights)
    {
        int? index = null;
        if (splitColumn.Length > 0)
        {
            int found = columns.ToList().IndexOf(splitColumn);
            if (found < 0)
                throw new ExampleGenException($"Step '{step}': SplitColumn '{splitColumn}' is not a column of the input; the columns are {string.Join(", ", columns)}.");
            index = found;
        }
        return new SplitAssigner(Names, weights, index);
    }
}
