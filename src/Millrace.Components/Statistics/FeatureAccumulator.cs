using Millrace.Compute;
using Millrace.Compute.IO;

namespace Millrace.Components.Statistics;

/// <summary>
/// The partial statistics of one feature of one split, row group after row group: merged kernel states (moments,
/// KLL sketch, string sketch), and the values of the row groups while they fit the memory budget, for the
/// equal-width histogram (whose range is known only at the end). A dictionary-encoded column is summarised per
/// distinct value with its row count, and only its dictionary and counts are kept.
/// </summary>
internal sealed class FeatureAccumulator(string name, ColumnType type)
{
    private MomentsState _moments = MomentsState.Empty;
    private KllSketch? _quantiles;
    private StringSketch? _strings;

    public string Name { get; } = name;

    public ColumnType Type { get; } = type;

    /// <summary>How many values were NaN (present, not null); they also count as missing.</summary>
    public long NaNs { get; private set; }

    /// <summary>The values of each row group seen (with their counts when dictionary-encoded), or <see langword="null"/> once they outgrew the budget.</summary>
    public List<RetainedValues>? Retained { get; set; } = [];

    /// <summary>The bytes <see cref="Retained"/> holds.</summary>
    public long RetainedBytes { get; private set; }

    public MomentsState Moments => _moments;

    public KllSketch? Quantiles => _quantiles;

    public StringSketch? Strings => _strings;

    /// <summary>Adds one row group's column, counted or decoded.</summary>
    public void Add(IColumnKernels kernels, ColumnOrCounts column)
    {
        if (column.Column is { } decoded) Add(kernels, decoded);
        else Add(column.Counts!);
    }

    /// <summary>Adds a column given as distinct values and their row counts: work per distinct value only.</summary>
    public void Add(CountedColumn column)
    {
        if (column.Strings is { } strings)
        {
            _strings ??= new StringSketch();
            _strings.AddMissing(column.Missing);
            _strings.AddCounts(strings, column.Counts);
            return;
        }
        AddCounts(column.Numbers!, column.Counts, column.Missing);
    }

    private void AddCounts(double[] values, long[] counts, long missing)
    {
        _moments = MomentsState.Merge(_moments, MomentsState.FromCounts(values, counts, missing));
        _quantiles ??= new KllSketch();
        for (int i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i])) NaNs += counts[i];
            else _quantiles.Add(values[i], counts[i]);
        }
        Retain(new RetainedValues(values, counts));
    }

    /// <summary>Adds one row group's decoded column.</summary>
    public void Add(IColumnKernels kernels, Column column)
    {
        switch (column)
        {
            case StringColumn strings:
                _strings = DictionaryKernels.Strings(strings, _strings);
                return;
            case { NumericCodes: { } coded }:
                var counts = DictionaryKernels.CountCodes(coded.Codes, coded.Dictionary.Length);
                AddCounts(coded.Dictionary, counts[..^1], counts[^1]);
                return;
            default:
                var values = ToFloat64(column);
                if (column is Float64Column) NaNs += CountPresentNaNs(values);
                _moments = MomentsState.Merge(_moments, kernels.Moments(values));
                var quantiles = kernels.Quantiles(values);
                if (_quantiles is null) _quantiles = quantiles;
                else _quantiles.Merge(quantiles);
                Retain(new RetainedValues(values, null));
                return;
        }
    }

    private void Retain(RetainedValues values)
    {
        if (Retained is null) return;
        Retained.Add(values);
        RetainedBytes += values.Bytes;
    }

    /// <summary>Counts one row group's column (or retained values) into an equal-width histogram.</summary>
    public static void AddToHistogram(IColumnKernels kernels, EqualWidthHistogram histogram, RetainedValues values)
    {
        if (values.Counts is { } counts)
            for (int i = 0; i < counts.Length; i++) histogram.Add(values.Values[i], counts[i]);
        else histogram.Merge(kernels.Histogram(values.Values, histogram.Low, histogram.High, histogram.BucketCount));
    }

    /// <summary>What the histogram needs of a column: its dictionary and counts, or its values.</summary>
    public static RetainedValues ValuesOf(Column column) => column.NumericCodes is { } coded
        ? new RetainedValues(coded.Dictionary, DictionaryKernels.CountCodes(coded.Codes, coded.Dictionary.Length)[..^1])
        : new RetainedValues(ToFloat64(column), null);

    private static long CountPresentNaNs(ReadOnlySpan<double> values)
    {
        long count = 0;
        foreach (double value in values)
            if (double.IsNaN(value) && Float64Column.IsPresentNaN(value)) count++;
        return count;
    }

    /// <summary>A numeric column as float64, NaN where missing: the input of the kernels.</summary>
    private static double[] ToFloat64(Column column) => column switch
    {
        Int64Column longs => longs.ToFloat64(),
        Float64Column doubles => doubles.Values.ToArray(),
        _ => throw new InvalidOperationException($"Column '{column.Name}' is a {column.Type} column, not a numeric one."),
    };
}

/// <summary>Values kept for the second pass: every row's value, or distinct values with the rows holding each.</summary>
internal sealed record RetainedValues(double[] Values, long[]? Counts)
{
    public long Bytes => 8L * Values.Length * (Counts is null ? 1 : 2);
}
