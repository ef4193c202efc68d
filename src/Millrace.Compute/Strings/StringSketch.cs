using System.Runtime.InteropServices;
using System.Text;

namespace Millrace.Compute;

/// <summary>
/// The mergeable statistics of a string column: counts, average UTF-8 length, distinct count and the most frequent
/// values. Exact while the column has at most <see cref="ExactDistinctLimit"/> distinct values; past that the
/// distinct count comes from a <see cref="HyperLogLog"/> and the frequent values from a Misra-Gries summary of
/// <see cref="FrequentCapacity"/> counters, whose counts are lower bounds short by at most
/// <see cref="CountErrorBound"/> (≤ n / (capacity + 1)).
/// </summary>
public sealed class StringSketch
{
    /// <summary>The default number of distinct values counted exactly.</summary>
    public const int DefaultExactDistinctLimit = 1 << 16;

    /// <summary>The default number of Misra-Gries counters kept once the sketch is approximate.</summary>
    public const int DefaultFrequentCapacity = 1024;

    private Dictionary<byte[], long> _counts = new(Utf8KeyComparer.Instance);
    private HyperLogLog? _distinct;

    /// <summary>Creates an empty sketch.</summary>
    public StringSketch(int exactDistinctLimit = DefaultExactDistinctLimit, int frequentCapacity = DefaultFrequentCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frequentCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(exactDistinctLimit, frequentCapacity);
        ExactDistinctLimit = exactDistinctLimit;
        FrequentCapacity = frequentCapacity;
    }

    /// <summary>Up to this many distinct values, every statistic is exact.</summary>
    public int ExactDistinctLimit { get; }

    /// <summary>How many value counters the Misra-Gries summary keeps once the sketch is approximate.</summary>
    public int FrequentCapacity { get; }

    /// <summary>Present values.</summary>
    public long Count { get; private set; }

    /// <summary>Missing values (null).</summary>
    public long Missing { get; private set; }

    /// <summary>The total UTF-8 length of the present values, in bytes.</summary>
    public long TotalLength { get; private set; }

    /// <summary>The average UTF-8 length of the present values, in bytes; NaN when there are none.</summary>
    public double AverageLength => Count == 0 ? double.NaN : (double)TotalLength / Count;

    /// <summary>Whether <see cref="DistinctCount"/> and the counts of <see cref="TopK"/> are exact.</summary>
    public bool IsExact => _distinct is null;

    /// <summary>How much any count in <see cref="TopK"/> may fall short of the true count; 0 when exact.</summary>
    public long CountErrorBound { get; private set; }

    /// <summary>The number of distinct present values: exact, or the HyperLogLog estimate (0.81% standard error).</summary>
    public long DistinctCount => _distinct?.Estimate() ?? _counts.Count;

    /// <summary>Adds <paramref name="count"/> occurrences of a UTF-8 value.</summary>
    public void Add(ReadOnlySpan<byte> utf8, long count = 1)
    {
        Count += count;
        TotalLength += utf8.Length * count;
        var lookup = _counts.GetAlternateLookup<ReadOnlySpan<byte>>();
        ref long slot = ref CollectionsMarshal.GetValueRefOrAddDefault(lookup, utf8, out bool seen);
        slot += count;
        if (_distinct is not null) _distinct.Add(utf8);
        if (!seen) Rebalance();
    }

    /// <summary>
    /// Adds a chunk given as its distinct values and how many rows hold each (a dictionary page and its counts;
    /// entries with count 0 are skipped). Past the exact limit this is a merge of
    /// mergeable Misra-Gries summaries (the chunk's exact counts are one with no error): values already counted are
    /// added to, one cut is taken over the union, and only the chunk's values above the cut are stored — a chunk of
    /// many rare values costs a lookup per value, not a stored key. Only the values stored are copied.
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public void AddCounts(IReadOnlyList<ReadOnlyMemory<byte>> values, ReadOnlySpan<long> counts)
    {
        if (values.Count != counts.Length) throw new ArgumentException($"{values.Count} values for {counts.Length} counts.", nameof(counts));
        int distinct = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] == 0) continue;
            distinct++;
            Count += counts[i];
            TotalLength += values[i].Length * counts[i];
        }
        var lookup = _counts.GetAlternateLookup<ReadOnlySpan<byte>>();
        if (_distinct is null && _counts.Count + distinct <= ExactDistinctLimit)
        {
            for (int i = 0; i < counts.Length; i++)
            {
                if (counts[i] == 0) continue;
                ref long slot = ref CollectionsMarshal.GetValueRefOrAddDefault(lookup, values[i].Span, out _);
                slot += counts[i];
            }
            Rebalance();
            return;
        }
        BecomeApproximate();
        lookup = _counts.GetAlternateLookup<ReadOnlySpan<byte>>();
        var fresh = new List<int>();
        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] == 0) continue;
            var value = values[i].Span;
            _distinct!.Add(value);
            if (lookup.TryGetValue(value, out long current)) lookup[value] = current + counts[i];
            else fresh.Add(i);
        }
        if (_counts.Count + fresh.Count <= FrequentCapacity)
        {
            foreach (int i in fresh) CollectionsMarshal.GetValueRefOrAddDefault(lookup, values[i].Span, out _) += counts[i];
            return;
        }
        // The (capacity + 1)-th largest count of the union; every counter loses it, and those left above 0 stay.
        var all = new long[_counts.Count + fresh.Count];
        _counts.Values.CopyTo(all, 0);
        for (int j = 0; j < fresh.Count; j++) all[_counts.Count + j] = counts[fresh[j]];
        long cut = LargestAt(all, FrequentCapacity);
        Cut(cut);
        var lookupAfter = _counts.GetAlternateLookup<ReadOnlySpan<byte>>();
        foreach (int i in fresh)
            if (counts[i] > cut) CollectionsMarshal.GetValueRefOrAddDefault(lookupAfter, values[i].Span, out _) += counts[i] - cut;
    }

    /// <summary>
    /// The value that would be at index <paramref name="rank"/> if <paramref name="values"/> were sorted in descending
    /// order: quickselect (reorders the array), linear on average where a sort is n log n.
    /// </summary>
    internal static long LargestAt(long[] values, int rank)
    {
        int target = values.Length - 1 - rank, low = 0, high = values.Length - 1;
        while (low < high)
        {
            // Median of three as the pivot keeps sorted and reversed input linear.
            int middle = low + (high - low) / 2;
            long pivot = Median(values[low], values[middle], values[high]);
            int i = low, j = high;
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i <= j) (values[i], values[j]) = (values[j--], values[i++]);
            }
            if (target <= j) high = j;
            else if (target >= i) low = i;
            else return values[target];
        }
        return values[target];
    }

    private static long Median(long a, long b, long c) => Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));

    /// <summary>Adds a value given as a .NET string.</summary>
    public void Add(string value, long count = 1)
    {
        var buffer = Encoding.UTF8.GetBytes(value);
        Add(buffer, count);
    }

    /// <summary>Adds <paramref name="count"/> missing values.</summary>
    public void AddMissing(long count = 1) => Missing += count;

    /// <summary>Adds the values summarised by another sketch.</summary>
    public void Merge(StringSketch other)
    {
        Count += other.Count;
        Missing += other.Missing;
        TotalLength += other.TotalLength;
        CountErrorBound += other.CountErrorBound;
        if (other._distinct is not null)
        {
            BecomeApproximate();
            _distinct!.Merge(other._distinct);
        }
        else if (_distinct is not null)
        {
            foreach (var key in other._counts.Keys) _distinct.Add(key);
        }
        foreach (var (key, count) in other._counts)
        {
            ref long slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_counts, key, out _);
            slot += count;
        }
        Rebalance();
    }

    /// <summary>
    /// The <paramref name="k"/> most frequent values, most frequent first, ties by ordinal UTF-8 value. A bounded
    /// heap keeps the k best, so only they are decoded: a column of a million distinct values costs one pass.
    /// </summary>
    public IReadOnlyList<ValueCount> TopK(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (k == 0) return [];
        // The heap's root is the worst kept entry: the lowest count, then the largest value.
        var best = new PriorityQueue<KeyValuePair<byte[], long>, KeyValuePair<byte[], long>>(k + 1, WorstFirst.Instance);
        foreach (var entry in _counts)
        {
            if (best.Count < k) best.Enqueue(entry, entry);
            else if (WorstFirst.Instance.Compare(entry, best.Peek()) > 0) best.EnqueueDequeue(entry, entry);
        }
        var result = new ValueCount[best.Count];
        for (int i = result.Length - 1; i >= 0; i--)
        {
            var (key, count) = best.Dequeue();
            result[i] = new ValueCount(Encoding.UTF8.GetString(key), count);
        }
        return result;
    }

    /// <summary>Adds <paramref name="count"/> occurrences of a value whose UTF-8 bytes the sketch may keep as they are.</summary>
    internal void AddOwned(byte[] utf8, long count)
    {
        Count += count;
        TotalLength += utf8.Length * count;
        ref long slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_counts, utf8, out bool seen);
        slot += count;
        if (_distinct is not null) _distinct.Add(utf8);
        if (!seen) Rebalance();
    }

    /// <summary>Orders entries from the least to the most frequent; among equal counts the larger value is worse.</summary>
    private sealed class WorstFirst : IComparer<KeyValuePair<byte[], long>>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare(KeyValuePair<byte[], long> x, KeyValuePair<byte[], long> y) =>
            x.Value != y.Value ? x.Value.CompareTo(y.Value) : y.Key.AsSpan().SequenceCompareTo(x.Key);
    }

    private void Rebalance()
    {
        if (_distinct is null && _counts.Count > ExactDistinctLimit) BecomeApproximate();
        // Amortised Misra-Gries: let the table grow to twice its capacity, then cut it back in one pass.
        if (_distinct is not null && _counts.Count > 2 * FrequentCapacity) ReduceCounters();
    }

    private void BecomeApproximate()
    {
        if (_distinct is not null) return;
        _distinct = new HyperLogLog();
        foreach (var key in _counts.Keys) _distinct.Add(key);
        if (_counts.Count > FrequentCapacity) ReduceCounters();
    }

    /// <summary>
    /// Subtracts the (capacity + 1)-th largest count from every counter and drops those left at zero or below.
    /// Each cut removes at least (capacity + 1)·cut occurrences, so the total cut stays ≤ n / (capacity + 1).
    /// </summary>
    private void ReduceCounters()
    {
        var counts = new long[_counts.Count];
        _counts.Values.CopyTo(counts, 0);
        Cut(LargestAt(counts, FrequentCapacity));
    }

    /// <summary>Subtracts <paramref name="cut"/> from every counter and keeps those left above 0.</summary>
    private void Cut(long cut)
    {
        // A new table sized for the survivors and the next round: clearing the old one would cost its capacity,
        // which the exact phase may have grown to the exact limit (that was most of the time of a 200k-value column).
        var survivors = new Dictionary<byte[], long>(2 * FrequentCapacity + 1, Utf8KeyComparer.Instance);
        foreach (var (key, count) in _counts)
            if (count > cut) survivors.Add(key, count - cut);
        _counts = survivors;
        CountErrorBound += cut;
    }
}
