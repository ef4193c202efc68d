using System.Numerics;

namespace Millrace.Compute;

/// <summary>
/// A HyperLogLog distinct counter (Flajolet et al. 2007) over 64-bit hashes, with the linear-counting correction
/// for small cardinalities. Relative standard error 1.04/√m; m = 2^14 registers gives 0.81%. Merges by taking the
/// larger register.
/// </summary>
public sealed class HyperLogLog
{
    /// <summary>The default precision: 2^14 one-byte registers.</summary>
    public const int DefaultPrecision = 14;

    private readonly byte[] _registers;

    /// <summary>Creates an empty counter with 2^<paramref name="precision"/> registers.</summary>
    public HyperLogLog(int precision = DefaultPrecision)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(precision, 4);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(precision, 18);
        Precision = precision;
        _registers = new byte[1 << precision];
    }

    /// <summary>log2 of the number of registers.</summary>
    public int Precision { get; }

    /// <summary>The relative standard error of <see cref="Estimate"/>: 1.04/√m.</summary>
    public double RelativeStandardError => 1.04 / Math.Sqrt(_registers.Length);

    /// <summary>Adds a value given by its 64-bit hash.</summary>
    public void AddHash(ulong hash)
    {
        int index = (int)(hash >> (64 - Precision));
        // The sentinel bit bounds the run of zeros when the remaining bits are all zero.
        ulong rest = (hash << Precision) | (1UL << (Precision - 1));
        byte rank = (byte)(BitOperations.LeadingZeroCount(rest) + 1);
        if (rank > _registers[index]) _registers[index] = rank;
    }

    /// <summary>Adds a UTF-8 value.</summary>
    public void Add(ReadOnlySpan<byte> utf8) => AddHash(Utf8Hash.Hash(utf8));

    /// <summary>Adds the values counted by another counter of the same precision.</summary>
    /// <exception cref="ArgumentException">The precisions differ.</exception>
    public void Merge(HyperLogLog other)
    {
        if (other.Precision != Precision)
            throw new ArgumentException($"Cannot merge a HyperLogLog of precision {other.Precision} into one of precision {Precision}.", nameof(other));
        for (int i = 0; i < _registers.Length; i++)
            if (other._registers[i] > _registers[i]) _registers[i] = other._registers[i];
    }

    /// <summary>The estimated number of distinct values added.</summary>
    public long Estimate()
    {
        int m = _registers.Length, zeros = 0;
        double harmonic = 0;
        foreach (byte register in _registers)
        {
            harmonic += Math.ScaleB(1.0, -register);
            if (register == 0) zeros++;
        }
        double alpha = 0.7213 / (1 + 1.079 / m);
        double estimate = alpha * m * m / harmonic;
        if (estimate <= 2.5 * m && zeros > 0) estimate = m * Math.Log((double)m / zeros);
        return (long)Math.Round(estimate);
    }
}
