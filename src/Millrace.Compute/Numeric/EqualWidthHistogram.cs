namespace Millrace.Compute;

/// <summary>
/// A histogram of a float64 column over [<see cref="Low"/>, <see cref="High"/>] in buckets of equal width.
/// Values below or above the range (infinities included) are counted in <see cref="Underflow"/> and
/// <see cref="Overflow"/>; NaN (missing) is not counted. Histograms over the same range merge by adding counts.
/// </summary>
public sealed class EqualWidthHistogram
{
    private readonly long[] _counts;

    /// <summary>Creates an empty histogram of <paramref name="bucketCount"/> buckets over [<paramref name="low"/>, <paramref name="high"/>].</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is not finite and ordered, or there is no bucket.</exception>
    public EqualWidthHistogram(double low, double high, int bucketCount)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high) || high < low)
            throw new ArgumentOutOfRangeException(nameof(high), $"A histogram range must be finite with low <= high; got [{low}, {high}].");
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketCount, 1);
        Low = low;
        High = high;
        _counts = new long[bucketCount];
        // A range of one point puts every value equal to it in the first bucket.
        Scale = high > low ? bucketCount / (high - low) : 0;
    }

    /// <summary>The lower edge of the first bucket.</summary>
    public double Low { get; }

    /// <summary>The upper edge of the last bucket, which is closed.</summary>
    public double High { get; }

    /// <summary>Buckets per unit of value: a value x lands in bucket ⌊(x − Low) · Scale⌋.</summary>
    public double Scale { get; }

    /// <summary>How many buckets there are.</summary>
    public int BucketCount => _counts.Length;

    /// <summary>Values below <see cref="Low"/>, −∞ included.</summary>
    public long Underflow { get; internal set; }

    /// <summary>Values above <see cref="High"/>, +∞ included.</summary>
    public long Overflow { get; internal set; }

    /// <summary>The count of each bucket, lowest first.</summary>
    public ReadOnlySpan<long> Counts => _counts;

    /// <summary>The counts, for kernels that fill them.</summary>
    internal Span<long> MutableCounts => _counts;

    /// <summary>The buckets with their edges and counts.</summary>
    public IReadOnlyList<HistogramBucket> Buckets()
    {
        var buckets = new HistogramBucket[_counts.Length];
        double width = (High - Low) / _counts.Length;
        for (int i = 0; i < buckets.Length; i++)
        {
            double high = i == buckets.Length - 1 ? High : Low + (i + 1) * width;
            buckets[i] = new HistogramBucket(Low + i * width, high, _counts[i]);
        }
        return buckets;
    }

    /// <summary>Counts one value: the slow obvious path, and the one kernels use for values off the fast path.</summary>
    public void Add(double value)
    {
        if (double.IsNaN(value)) return;
        if (value < Low) { Underflow++; return; }
        if (value > High) { Overflow++; return; }
        _counts[BucketOf(value)]++;
    }

    /// <summary>Counts <paramref name="count"/> copies of a value (a dictionary entry and how many rows hold it).</summary>
    public void Add(double value, long count)
    {
        if (double.IsNaN(value)) return;
        if (value < Low) Underflow += count;
        else if (value > High) Overflow += count;
        else _counts[BucketOf(value)] += count;
    }

    /// <summary>The bucket of a value already known to lie in [<see cref="Low"/>, <see cref="High"/>].</summary>
    internal int BucketOf(double value) => Math.Min((int)((value - Low) * Scale), _counts.Length - 1);

    /// <summary>Adds the counts of a histogram over the same range and buckets.</summary>
    /// <exception cref="ArgumentException">The other histogram has another range or bucket count.</exception>
    public void Merge(EqualWidthHistogram other)
    {
        if (other.Low != Low || other.High != High || other.BucketCount != BucketCount)
            throw new ArgumentException($"Cannot merge a histogram of {other.BucketCount} buckets over [{other.Low}, {other.High}] into one of {BucketCount} over [{Low}, {High}].", nameof(other));
        for (int i = 0; i < _counts.Length; i++) _counts[i] += other._counts[i];
        Underflow += other.Underflow;
        Overflow += other.Overflow;
    }
}
