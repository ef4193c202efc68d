using System.Runtime.InteropServices;

namespace Millrace.Compute;

/// <summary>
/// A KLL quantile sketch of a float64 column (Karnin, Lang and Liberty 2016, in the shape of Apache DataSketches'
/// <c>KllDoublesSketch</c>): compactors of geometrically shrinking capacity, each halving its sorted items into the
/// next level. Sketches merge, so chunks are sketched in parallel. Below its capacity the sketch keeps every value
/// and its quantiles are exact.
/// </summary>
/// <remarks>
/// Error: with probability 99%, the rank of a returned quantile is within <see cref="NormalizedRankError"/>·n of
/// the requested rank (about 1.33% of n for the default k = 200). The coin flips are a fixed-seed generator, so the
/// same input in the same order gives the same sketch. NaN (missing) is not added; infinities are ordinary values.
/// </remarks>
public sealed class KllSketch
{
    /// <summary>The default accuracy parameter, as in DataSketches.</summary>
    public const int DefaultK = 200;

    private const int MinLevelCapacity = 8;
    private const double CapacityRatio = 2.0 / 3.0;

    private readonly List<List<double>> _levels = [new()];
    private ulong _random = 0x9E3779B97F4A7C15UL;
    private int _retained;
    private int _totalCapacity;
    private int[] _capacities = [];
    private readonly List<double> _scratch = [];
    private (double[] Items, long[] Cumulative)? _sortedView;

    /// <summary>Creates an empty sketch with accuracy parameter <paramref name="k"/> (larger is more accurate and larger).</summary>
    public KllSketch(int k = DefaultK)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, MinLevelCapacity);
        K = k;
        UpdateCapacities();
    }

    /// <summary>The accuracy parameter.</summary>
    public int K { get; }

    /// <summary>How many values were added.</summary>
    public long Count { get; private set; }

    /// <summary>The smallest value added; +∞ when empty.</summary>
    public double Min { get; private set; } = double.PositiveInfinity;

    /// <summary>The largest value added; −∞ when empty.</summary>
    public double Max { get; private set; } = double.NegativeInfinity;

    /// <summary>How many items the sketch holds.</summary>
    public int RetainedItems => _retained;

    /// <summary>Whether no value has been compacted away, so that every answer is exact.</summary>
    public bool IsExact => _levels.Count == 1;

    /// <summary>The rank error bound (a fraction of <see cref="Count"/>) that holds for one quantile with 99% confidence; DataSketches' fit 2.296 / k^0.9723.</summary>
    public double NormalizedRankError => IsExact ? 0 : 2.296 / Math.Pow(K, 0.9723);

    /// <summary>Adds one value; NaN is ignored.</summary>
    public void Add(double value)
    {
        if (double.IsNaN(value)) return;
        Count++;
        if (value < Min) Min = value;
        if (value > Max) Max = value;
        _levels[0].Add(value);
        _retained++;
        _sortedView = null;
        if (_retained >= _totalCapacity) Compress();
    }

    /// <summary>
    /// Adds <paramref name="weight"/> copies of a value at once, as KLL does for weighted items: the weight is split
    /// into powers of two and the value enters each level whose bit is set (an item at level h weighs 2^h), then
    /// the sketch compacts as usual. Exact while nothing is compacted; the rank error bound is the same as for
    /// unit updates. NaN is ignored.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The weight is negative.</exception>
    public void Add(double value, long weight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(weight);
        if (double.IsNaN(value) || weight == 0) return;
        if (weight == 1)
        {
            Add(value);
            return;
        }
        Count += weight;
        if (value < Min) Min = value;
        if (value > Max) Max = value;
        _sortedView = null;
        for (int level = 0; weight != 0; level++, weight >>= 1)
        {
            if ((weight & 1) == 0) continue;
            if (level >= _levels.Count)
            {
                while (_levels.Count <= level) _levels.Add(new());
                UpdateCapacities();
            }
            var items = _levels[level];
            // Levels above 0 are kept sorted (see Compress).
            if (level == 0) items.Add(value);
            else
            {
                int index = items.BinarySearch(value);
                items.Insert(index < 0 ? ~index : index, value);
            }
            _retained++;
        }
        while (_retained >= _totalCapacity) Compress();
    }

    /// <summary>Adds every value of a span; NaN is ignored.</summary>
    public void AddRange(ReadOnlySpan<double> values)
    {
        foreach (double value in values) Add(value);
    }

    /// <summary>Adds the values summarised by another sketch (of any k; the result keeps this sketch's k).</summary>
    public void Merge(KllSketch other)
    {
        if (other.Count == 0) return;
        while (_levels.Count < other._levels.Count) _levels.Add(new());
        UpdateCapacities();
        _sortedView = null;
        for (int level = 0; level < other._levels.Count; level++)
        {
            _levels[level].AddRange(other._levels[level]);
            // Levels above 0 are kept sorted (see Compress).
            if (level > 0) _levels[level].Sort();
        }
        _retained += other._retained;
        Count += other.Count;
        Min = Math.Min(Min, other.Min);
        Max = Math.Max(Max, other.Max);
        while (_retained >= _totalCapacity) Compress();
    }

    /// <summary>
    /// The value whose rank is <paramref name="fraction"/>·n: the smallest retained value whose estimated
    /// cumulative weight reaches it. 0 gives <see cref="Min"/>, 1 gives <see cref="Max"/>; NaN when empty.
    /// </summary>
    public double Quantile(double fraction)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fraction, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fraction, 1);
        if (Count == 0) return double.NaN;
        if (fraction == 0) return Min;
        if (fraction == 1) return Max;
        var (items, cumulative) = SortedView();
        double target = Math.Ceiling(fraction * Count);
        int index = Array.BinarySearch(cumulative, (long)target);
        if (index < 0) index = ~index;
        return items[Math.Min(index, items.Length - 1)];
    }

    /// <summary>The quantiles at each fraction (the sketch is sorted once and the order kept until it changes).</summary>
    public double[] Quantiles(params ReadOnlySpan<double> fractions)
    {
        var result = new double[fractions.Length];
        for (int i = 0; i < fractions.Length; i++) result[i] = Quantile(fractions[i]);
        return result;
    }

    /// <summary>The median: <see cref="Quantile"/>(0.5).</summary>
    public double Median => Quantile(0.5);

    /// <summary>The estimated number of values less than or equal to <paramref name="value"/>.</summary>
    public long Rank(double value)
    {
        var (items, cumulative) = SortedView();
        int index = Array.BinarySearch(items, value);
        if (index < 0) index = ~index - 1;
        else while (index + 1 < items.Length && items[index + 1] == value) index++;
        return index < 0 ? 0 : cumulative[index];
    }

    /// <summary>
    /// A histogram of <paramref name="bucketCount"/> buckets whose edges are the quantiles 0, 1/b, …, 1, each
    /// holding about n/b values; the counts are the sketch's estimates, so ties show as uneven buckets.
    /// </summary>
    public IReadOnlyList<HistogramBucket> QuantileHistogram(int bucketCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketCount, 1);
        if (Count == 0) return [];
        var buckets = new HistogramBucket[bucketCount];
        double low = Min;
        long below = 0;
        for (int i = 0; i < bucketCount; i++)
        {
            double high = Quantile((i + 1.0) / bucketCount);
            long atOrBelow = i == bucketCount - 1 ? Count : Rank(high);
            buckets[i] = new HistogramBucket(low, high, atOrBelow - below);
            (low, below) = (high, atOrBelow);
        }
        return buckets;
    }

    private (double[] Items, long[] Cumulative) SortedView() => _sortedView ??= BuildSortedView();

    private (double[] Items, long[] Cumulative) BuildSortedView()
    {
        var pairs = new (double Item, long Weight)[_retained];
        int next = 0;
        for (int level = 0; level < _levels.Count; level++)
            foreach (double item in _levels[level]) pairs[next++] = (item, 1L << level);
        Array.Sort(pairs, (a, b) => a.Item.CompareTo(b.Item));
        var items = new double[pairs.Length];
        var cumulative = new long[pairs.Length];
        long total = 0;
        for (int i = 0; i < pairs.Length; i++)
        {
            items[i] = pairs[i].Item;
            cumulative[i] = total += pairs[i].Weight;
        }
        return (items, cumulative);
    }

    private int LevelCapacity(int level)
    {
        int depth = _levels.Count - 1 - level;
        return Math.Max(MinLevelCapacity, (int)Math.Ceiling(K * Math.Pow(CapacityRatio, depth)));
    }

    /// <summary>Recomputes the level capacities, which change only when a level is added (Math.Pow per compaction was most of the update cost).</summary>
    private void UpdateCapacities()
    {
        _capacities = new int[_levels.Count];
        for (int level = 0; level < _capacities.Length; level++) _capacities[level] = LevelCapacity(level);
        _totalCapacity = _capacities.Sum();
    }

    /// <summary>Compacts the lowest full level: sorts it, keeps every other item (odd or even, by a coin) at double weight one level up.</summary>
    private void Compress()
    {
        int level = 0;
        while (_levels[level].Count < _capacities[level]) level++;
        if (level + 1 == _levels.Count)
        {
            _levels.Add(new());
            UpdateCapacities();
        }
        _sortedView = null;
        var items = _levels[level];
        // Level 0 takes values in arrival order; every level above is kept sorted, so that a compaction merges its
        // half into the next level in linear time instead of sorting it again (as DataSketches does).
        if (level == 0) items.Sort();
        // An odd item out stays behind so that the weight is preserved exactly.
        int pairs = items.Count / 2, offset = NextBit();
        var promoted = _scratch;
        promoted.Clear();
        for (int i = 0; i < pairs; i++) promoted.Add(items[2 * i + offset]);
        double? leftover = items.Count % 2 == 1 ? items[^1] : null;
        items.Clear();
        if (leftover is double item) items.Add(item);
        MergeSorted(_levels[level + 1], promoted);
        _retained -= pairs;
    }

    /// <summary>Merges a sorted run into a sorted level, in place from the back.</summary>
    private static void MergeSorted(List<double> level, List<double> run)
    {
        int a = level.Count - 1, b = run.Count - 1;
        CollectionsMarshal.SetCount(level, level.Count + run.Count);
        var target = CollectionsMarshal.AsSpan(level);
        var source = CollectionsMarshal.AsSpan(run);
        for (int write = target.Length - 1; b >= 0; write--)
            target[write] = a >= 0 && target[a] > source[b] ? target[a--] : source[b--];
    }

    private int NextBit()
    {
        // xorshift64: deterministic, fast, and good enough for a fair coin.
        _random ^= _random << 13;
        _random ^= _random >> 7;
        _random ^= _random << 17;
        return (int)(_random >> 63);
    }
}
