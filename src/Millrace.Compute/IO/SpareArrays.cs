using System.Buffers;
using System.Numerics;

namespace Millrace.Compute.IO;

/// <summary>
/// The large arrays of blocks' columns, rented from and returned to the shared <see cref="ArrayPool{T}"/>: a block's
/// columns are tens of megabytes, which fresh from the system cost a page fault and a page clear per 4 KiB. The shared
/// pool keeps them between blocks, and between readers (the next file, span or run), and lets them go when the
/// collector sees memory pressure.
/// </summary>
internal static class SpareArrays
{
    /// <summary>An array of at least <paramref name="length"/> elements, holding anything unless <paramref name="zeroed"/>.</summary>
    public static T[] Rent<T>(int length, bool zeroed = false)
    {
        var array = ArrayPool<T>.Shared.Rent(length);
        if (zeroed) Array.Clear(array);
        return array;
    }

    /// <summary>
    /// Hands an array back for a later <see cref="Rent{T}"/>; the caller must hold no other reference to it. An array of
    /// a length the pool does not keep (not a power of two: not rented here) is left to the collector.
    /// </summary>
    public static void Return<T>(T[] array)
    {
        if (array.Length >= 16 && BitOperations.IsPow2(array.Length)) ArrayPool<T>.Shared.Return(array);
    }
}
