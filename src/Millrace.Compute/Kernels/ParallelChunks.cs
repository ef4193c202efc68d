namespace Millrace.Compute;

/// <summary>Splits a span into one contiguous chunk per core, maps each on its own thread and merges the partial states in order.</summary>
internal static unsafe class ParallelChunks
{
    /// <summary>Below this many elements a column is summarised on the calling thread: a fork costs more than it saves.</summary>
    public const int MinParallelLength = 1 << 16;

    /// <summary>Maps one chunk of a column to a partial state.</summary>
    public delegate TState ChunkMapper<T, TState>(ReadOnlySpan<T> chunk);

    /// <summary>Maps every chunk (in parallel when the column is long enough) and folds the partial states left to right.</summary>
    public static TState Reduce<T, TState>(ReadOnlySpan<T> values, ChunkMapper<T, TState> map, Func<TState, TState, TState> merge)
        where T : unmanaged
    {
        int workers = Math.Min(Environment.ProcessorCount, Math.Max(1, values.Length / (MinParallelLength / 2)));
        if (workers <= 1) return map(values);
        var partials = new TState[workers];
        fixed (T* pointer = values)
        {
            // A fixed pointer cannot be captured; its address can, and the span outlives the loop.
            nint address = (nint)pointer;
            long length = values.Length;
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
            {
                long start = length * worker / workers, end = length * (worker + 1) / workers;
                partials[worker] = map(new ReadOnlySpan<T>((T*)address + start, (int)(end - start)));
            });
        }
        TState result = partials[0];
        for (int i = 1; i < partials.Length; i++) result = merge(result, partials[i]);
        return result;
    }
}
