using Millrace.Compute;
using Millrace.Compute.IO;

namespace Millrace.Components.Statistics;

/// <summary>
/// The partial statistics of one feature of one split, batch after batch: merged kernel states (moments, KLL
/// sketch, string sketch), and the float64 values of the batches while they fit the memory budget, for the
/// equal-width histogram (whose range is known only at the end).
/// </summary>
internal sealed class FeatureAccumulator(string name, ColumnType type)
{
    private MomentsState _moments = MomentsState.Empty;
    private KllSketch? _quantiles;
    private StringSketch? _strings;

    public string Name { get; } = name;

    public ColumnType Type { get; } = type;

    public long NaNs { get; private set; }

    /// <summary>The float64 values of each batch seen, or <see langword="null"/> once they outgrew the budget.</summary>
    public List<double[]>? Retained { get; set; } = [];

    public MomentsState Moments => _moments;

    public KllSketch? Quantiles => _quantiles;

    public StringSketch? Strings => _strings;

    /// <summary>Adds one batch's column.</summary>
    public void Add(IColumnKernels kernels, ExampleColumn column)
    {
        if (Type == ColumnType.String)
        {
            var (codes, dictionary) = Encode(column.Strings!);
            var sketch = kernels.Strings(codes, dictionary);
            if (_strings is null) _strings = sketch;
            else _strings.Merge(sketch);
            return;
        }
        var values = column.ToFloat64(out long nans);
        NaNs += nans;
        _moments = MomentsState.Merge(_moments, kernels.Moments(values));
        var quantiles = kernels.Quantiles(values);
        if (_quantiles is null) _quantiles = quantiles;
        else _quantiles.Merge(quantiles);
        Retained?.Add(values);
    }

    /// <summary>Dictionary-encodes a batch of strings: the input of the string kernel.</summary>
    private static (int[] Codes, List<string> Dictionary) Encode(string?[] values)
    {
        var codes = new int[values.Length];
        var dictionary = new List<string>();
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        string? previous = null;
        int previousCode = -1;
        for (int i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (value is null) { codes[i] = -1; continue; }
            if (ReferenceEquals(value, previous) || value == previous) { codes[i] = previousCode; continue; }
            if (!lookup.TryGetValue(value, out int code))
            {
                code = dictionary.Count;
                lookup[value] = code;
                dictionary.Add(value);
            }
            codes[i] = previousCode = code;
            previous = value;
        }
        return (codes, dictionary);
    }
}
