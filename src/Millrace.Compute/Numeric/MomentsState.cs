using System.Runtime.InteropServices;

namespace Millrace.Compute;

/// <summary>
/// The mergeable moments of a float64 column: counts, mean and the sum of squared deviations (M2), extremes,
/// zeros and infinities. Partial states of disjoint chunks combine with <see cref="Merge"/> (Chan et al.), so a
/// column can be summarised in parallel and the result does not depend on how it was split, up to rounding.
/// </summary>
/// <remarks>
/// NaN marks a missing value. <see cref="Count"/> counts every present value, infinities included;
/// <see cref="Min"/> and <see cref="Max"/> include infinities; <see cref="Mean"/>, <see cref="Sum"/> and the
/// variance are over the finite values only, so that one infinity does not erase the rest of the column.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public readonly struct MomentsState
{
    /// <summary>Creates a state from its parts; most callers get one from a kernel or <see cref="Merge"/>.</summary>
    public MomentsState(long count, long missing, long finiteCount, long zeros, long positiveInfinities,
        long negativeInfinities, double mean, double m2, double min, double max)
    {
        Count = count;
        Missing = missing;
        FiniteCount = finiteCount;
        Zeros = zeros;
        PositiveInfinities = positiveInfinities;
        NegativeInfinities = negativeInfinities;
        Mean = mean;
        M2 = m2;
        Min = min;
        Max = max;
    }

    /// <summary>
    /// The state of a column given as distinct values and how many rows hold each (a dictionary-encoded column):
    /// work per distinct value, not per row. The mean and M2 are two passes over the values, as exact as the
    /// kernels' merged partial states. A NaN value counts as missing.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static MomentsState FromCounts(ReadOnlySpan<double> values, ReadOnlySpan<long> counts, long missing)
    {
        if (values.Length != counts.Length) throw new ArgumentException($"{values.Length} values for {counts.Length} counts.", nameof(counts));
        long count = 0, finite = 0, zeros = 0, positive = 0, negative = 0;
        double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (int i = 0; i < values.Length; i++)
        {
            long n = counts[i];
            if (n == 0) continue;
            double value = values[i];
            if (double.IsNaN(value))
            {
                missing += n;
                continue;
            }
            count += n;
            if (value < min) min = value;
            if (value > max) max = value;
            if (double.IsPositiveInfinity(value)) positive += n;
            else if (double.IsNegativeInfinity(value)) negative += n;
            else
            {
                finite += n;
                sum += value * n;
                if (value == 0) zeros += n;
            }
        }
        double mean = finite == 0 ? 0 : sum / finite, m2 = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double value = values[i];
            if (counts[i] == 0 || !double.IsFinite(value)) continue;
            double delta = value - mean;
            m2 += delta * delta * counts[i];
        }
        return new MomentsState(count, missing, finite, zeros, positive, negative, mean, m2, min, max);
    }

    /// <summary>The state of an empty column: no values, <see cref="Min"/> +∞ and <see cref="Max"/> −∞.</summary>
    public static MomentsState Empty => new(0, 0, 0, 0, 0, 0, 0, 0, double.PositiveInfinity, double.NegativeInfinity);

    /// <summary>Present (non-NaN) values, infinities included.</summary>
    public long Count { get; }

    /// <summary>Missing values (NaN).</summary>
    public long Missing { get; }

    /// <summary>Finite values: the ones <see cref="Mean"/> and the variance are over.</summary>
    public long FiniteCount { get; }

    /// <summary>Values equal to zero (either sign).</summary>
    public long Zeros { get; }

    /// <summary>Values equal to +∞.</summary>
    public long PositiveInfinities { get; }

    /// <summary>Values equal to −∞.</summary>
    public long NegativeInfinities { get; }

    /// <summary>The mean of the finite values; 0 when there are none.</summary>
    public double Mean { get; }

    /// <summary>The sum of squared deviations of the finite values from <see cref="Mean"/>.</summary>
    public double M2 { get; }

    /// <summary>The smallest present value (−∞ if any); +∞ when there is none.</summary>
    public double Min { get; }

    /// <summary>The largest present value (+∞ if any); −∞ when there is none.</summary>
    public double Max { get; }

    /// <summary>All values, present and missing.</summary>
    public long TotalCount => Count + Missing;

    /// <summary>The sum of the finite values.</summary>
    public double Sum => Mean * FiniteCount;

    /// <summary>The sum of squares of the finite values.</summary>
    public double SumOfSquares => M2 + Mean * Mean * FiniteCount;

    /// <summary>The population variance of the finite values; NaN when there are none.</summary>
    public double Variance => FiniteCount == 0 ? double.NaN : M2 / FiniteCount;

    /// <summary>The population standard deviation of the finite values (as TFDV reports it); NaN when there are none.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>The sample (n − 1) standard deviation of the finite values (as pandas reports it).</summary>
    public double SampleStandardDeviation => FiniteCount < 2 ? double.NaN : Math.Sqrt(M2 / (FiniteCount - 1));

    /// <summary>Combines the states of two disjoint parts of a column into the state of their union.</summary>
    public static MomentsState Merge(MomentsState a, MomentsState b)
    {
        long n = a.FiniteCount + b.FiniteCount;
        double mean = 0, m2 = 0;
        if (a.FiniteCount == 0) { mean = b.Mean; m2 = b.M2; }
        else if (b.FiniteCount == 0) { mean = a.Mean; m2 = a.M2; }
        else
        {
            double delta = b.Mean - a.Mean;
            double weightB = (double)b.FiniteCount / n;
            mean = a.Mean + delta * weightB;
            m2 = a.M2 + b.M2 + delta * delta * a.FiniteCount * weightB;
        }
        return new MomentsState(a.Count + b.Count, a.Missing + b.Missing, n, a.Zeros + b.Zeros,
            a.PositiveInfinities + b.PositiveInfinities, a.NegativeInfinities + b.NegativeInfinities,
            mean, m2, a.Min < b.Min ? a.Min : b.Min, a.Max > b.Max ? a.Max : b.Max);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"count={Count} missing={Missing} mean={Mean:G17} std={StandardDeviation:G17} min={Min:G17} max={Max:G17} zeros={Zeros} +inf={PositiveInfinities} -inf={NegativeInfinities}";
}
