namespace Millrace.Compute.IO;

/// <summary>
/// Arrays of recycled blocks (<see cref="CsvColumnReader.Recycle"/>), kept for the next blocks: a block's columns are
/// tens of megabytes, which fresh from the system cost a page fault and a page clear per 4 KiB.
/// </summary>
internal sealed class SpareArrays
{
    private const int MaxPerType = 16;
    private readonly Dictionary<Type, List<Array>> _spares = [];

    /// <summary>A spare array of at least <paramref name="length"/> elements, or a new one; <paramref name="zeroed"/> asks for zeros.</summary>
    public T[] Rent<T>(int length, bool zeroed = false)
    {
        lock (_spares)
        {
            if (_spares.TryGetValue(typeof(T), out var list))
                for (int i = 0; i < list.Count; i++)
                    if (list[i].Length >= length)
                    {
                        var array = (T[])list[i];
                        list.RemoveAt(i);
                        if (zeroed) Array.Clear(array);
                        return array;
                    }
        }
        return zeroed ? new T[length] : GC.AllocateUninitializedArray<T>(length);
    }

    /// <summary>Keeps an array for a later <see cref="Rent{T}"/> (up to a few per type; the rest go to the collector).</summary>
    public void Return<T>(T[] array)
    {
        if (array.Length == 0) return;
        lock (_spares)
        {
            if (!_spares.TryGetValue(typeof(T), out var list)) _spares[typeof(T)] = list = [];
            if (list.Count < MaxPerType) list.Add(array);
        }
    }
}
