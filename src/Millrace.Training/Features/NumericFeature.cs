namespace Millrace.Training;

/// <summary>
/// A number from one column, transformed in a fixed order: impute, then log(1 + max(x, 0)), then clip, then scale.
/// The scaling statistics are computed on the values after the earlier steps.
/// </summary>
public sealed record NumericFeature : FeatureSpec
{
    /// <summary>A numeric feature of a column, named after it, with no step yet.</summary>
    public NumericFeature(string column) : base(column, [column]) { }

    /// <summary>How missing values are filled.</summary>
    public Imputation Imputation { get; init; }

    /// <summary>The fill value when <see cref="Imputation"/> is <see cref="Imputation.Constant"/>.</summary>
    public double ImputeConstant { get; init; }

    /// <summary>Whether the value goes through log(1 + max(x, 0)).</summary>
    public bool Log { get; init; }

    /// <summary>The lower clip bound, if any.</summary>
    public double? ClipLow { get; init; }

    /// <summary>The upper clip bound, if any.</summary>
    public double? ClipHigh { get; init; }

    /// <summary>The final scaling.</summary>
    public Scaling Scaling { get; init; }

    /// <summary>Fills missing values with the training mean.</summary>
    public NumericFeature ImputeMean() => this with { Imputation = Imputation.Mean };

    /// <summary>Fills missing values with the training median.</summary>
    public NumericFeature ImputeMedian() => this with { Imputation = Imputation.Median };

    /// <summary>Fills missing values with a constant.</summary>
    public NumericFeature Impute(double constant) => this with { Imputation = Imputation.Constant, ImputeConstant = constant };

    /// <summary>Applies log(1 + max(x, 0)).</summary>
    public NumericFeature Log1P() => this with { Log = true };

    /// <summary>Clips to [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public NumericFeature Clip(double low, double high) =>
        low <= high ? this with { ClipLow = low, ClipHigh = high } : throw new ArgumentException($"Clip bounds of '{Name}' are reversed: {low} > {high}.");

    /// <summary>Scales to zero mean and unit variance.</summary>
    public NumericFeature ZScore() => this with { Scaling = Scaling.ZScore };

    /// <summary>Scales to [0, 1] over the training range.</summary>
    public NumericFeature MinMax() => this with { Scaling = Scaling.MinMax };
}
