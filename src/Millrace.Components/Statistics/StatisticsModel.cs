using MessagePack;

namespace Millrace.Components.Statistics;

/// <summary>The statistics of every split of an <see cref="Examples"/> artifact: the payload of <see cref="ExampleStatistics"/>.</summary>
[MessagePackObject(keyAsPropertyName: true)]
public sealed class DatasetStatistics
{
    /// <summary>One entry per split, in the examples' split order.</summary>
    public List<SplitStatistics> Splits { get; set; } = [];

    /// <summary>The split of a name.</summary>
    /// <exception cref="KeyNotFoundException">No split has that name.</exception>
    public SplitStatistics this[string split] => Splits.FirstOrDefault(s => s.Name == split)
        ?? throw new KeyNotFoundException($"No split '{split}' in these statistics; the splits are {string.Join(", ", Splits.Select(s => s.Name))}.");
}

/// <summary>The statistics of one split.</summary>
[MessagePackObject(keyAsPropertyName: true)]
public sealed class SplitStatistics
{
    /// <summary>The split's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>How many rows the split has.</summary>
    public long RowCount { get; set; }

    /// <summary>One entry per column, in file order.</summary>
    public List<FeatureStatistics> Features { get; set; } = [];

    /// <summary>The feature of a name, or <see langword="null"/>.</summary>
    public FeatureStatistics? Find(string feature) => Features.FirstOrDefault(f => f.Name == feature);
}

/// <summary>The statistics of one feature in one split; <see cref="Numeric"/> or <see cref="String"/> is set by type.</summary>
[MessagePackObject(keyAsPropertyName: true)]
public sealed class FeatureStatistics
{
    /// <summary>The feature's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The physical type: Int64, Float64 or String.</summary>
    public string Type { get; set; } = "";

    /// <summary>Present values.</summary>
    public long Count { get; set; }

    /// <summary>Missing values (nulls, and NaN in float columns).</summary>
    public long Missing { get; set; }

    /// <summary>The numeric statistics of an Int64 or Float64 feature.</summary>
    public NumericStatistics? Numeric { get; set; }

    /// <summary>The string statistics of a String feature.</summary>
    public StringStatistics? String { get; set; }

    /// <summary>The fraction of rows where the feature is present; 0 for an empty split.</summary>
    [IgnoreMember]
    public double Presence => Count + Missing == 0 ? 0 : (double)Count / (Count + Missing);
}

/// <summary>Moments, extremes, quantiles and histograms of a numeric feature (over present values).</summary>
[MessagePackObject(keyAsPropertyName: true)]
public sealed class NumericStatistics
{
    /// <summary>The mean of the finite values.</summary>
    public double Mean { get; set; }

    /// <summary>The population standard deviation of the finite values.</summary>
    public double StdDev { get; set; }

    /// <summary>The smallest value.</summary>
    public double Min { get; set; }

    /// <summary>The largest value.</summary>
    public double Max { get; set; }

    /// <summary>Values equal to zero.</summary>
    public long Zeros { get; set; }

    /// <summary>NaN values stored as values (not nulls) in a float column; they are also counted as missing.</summary>
    public long NaNs { get; set; }

    /// <summary>Values equal to +∞ or −∞.</summary>
    public long Infinities { get; set; }

    /// <summary>The median (from the quantile sketch).</summary>
    public double Median { get; set; }

    /// <summary>The fractions <see cref="Quantiles"/> are at.</summary>
    public double[] QuantileFractions { get; set; } = [];

    /// <summary>The quantiles at <see cref="QuantileFractions"/> (from the quantile sketch).</summary>
    public double[] Quantiles { get; set; } = [];

    /// <summary>The sketch's normalised rank error: a quantile q is the value at a true rank within q ± this (0 when exact).</summary>
    public double QuantileRankError { get; set; }

    /// <summary>An equal-width histogram over [min, max].</summary>
    public List<Bucket> EqualWidthHistogram { get; set; } = [];

    /// <summary>A histogram whose buckets hold (about) equal counts, from the quantile sketch.</summary>
    public List<Bucket> QuantileHistogram { get; set; } = [];

    /// <summary>A fine quantile histogram (100 buckets): the distribution that skew and drift are measured on.</summary>
    public List<Bucket> DistributionHistogram { get; set; } = [];
}

/// <summary>Unique count, frequent values and length of a string feature.</summary>
[MessagePackObject(keyAsPropertyName: true)]
public sealed class StringStatistics
{
    /// <summary>Distinct values: exact when <see cref="UniqueIsExact"/>, else a HyperLogLog estimate.</summary>
    public long Unique { get; set; }

    /// <summary>Whether <see cref="Unique"/> and the counts are exact.</summary>
    public bool UniqueIsExact { get; set; }

    /// <summary>The most frequent values with their counts, most frequent first.</summary>
    public List<ValueFrequency> TopValues { get; set; } = [];

    /// <summary>Every value with its count, when the feature has few enough distinct values (a categorical domain); else empty.</summary>
    public List<ValueFrequency> Domain { get; set; } = [];

    /// <summary>The average length in UTF-8 bytes.</summary>
    public double AverageLength { get; set; }
}

/// <summary>A histogram bucket: [<see cref="Low"/>, <see cref="High"/>] with a (possibly fractional) count.</summary>
[MessagePackObject(keyAsPropertyName: true)]
public sealed record Bucket(double Low, double High, double Count);

/// <summary>A value and how many times it occurs.</summary>
[MessagePackObject(keyAsPropertyName: true)]
public sealed record ValueFrequency(string Value, long Count);
