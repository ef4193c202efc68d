using ILGPU;

namespace Millrace.Compute;

/// <summary>
/// The moments kernel for ILGPU. Each thread walks the column with a grid stride, four independent loads per
/// iteration so that enough bytes are in flight to saturate device memory, accumulating shifted sums
/// Σ(x − pivot) and Σ(x − pivot)² (no division per value; the pivot, a value near the mean chosen on the host,
/// keeps the subtraction at the end well conditioned). The thread's state becomes a (mean, M2) state, and the states
/// of a group are merged by a tree in shared memory with Chan's formula. One state per group comes back to the host.
/// </summary>
internal static class IlgpuMomentsKernel
{
    /// <summary>Explicitly grouped: the group size is a power of two and the dynamic shared memory holds one state per thread.</summary>
    public static void Run(ArrayView<double> values, ArrayView<MomentsState> groupStates, double pivot)
    {
        var shared = SharedMemory.GetDynamic<MomentsState>();
        long length = values.Length;
        long stride = (long)Grid.DimX * Group.DimX;
        long start = (long)Grid.IdxX * Group.DimX + Group.IdxX;
        var sums = new ThreadSums(pivot);
        long i = start;
        for (; i + 3 * stride < length; i += 4 * stride)
        {
            double a = values[i], b = values[i + stride], c = values[i + 2 * stride], d = values[i + 3 * stride];
            sums.Add(a);
            sums.Add(b);
            sums.Add(c);
            sums.Add(d);
        }
        for (; i < length; i += stride) sums.Add(values[i]);

        // Present and finite counts follow from how many values the thread visited, so the loop keeps fewer counters.
        long visited = start < length ? (length - 1 - start) / stride + 1 : 0;
        int thread = Group.IdxX;
        shared[thread] = sums.ToState(visited);
        Group.Barrier();
        for (int half = Group.DimX / 2; half > 0; half /= 2)
        {
            if (thread < half) shared[thread] = MomentsState.Merge(shared[thread], shared[thread + half]);
            Group.Barrier();
        }
        if (thread == 0) groupStates[Grid.IdxX] = shared[0];
    }

    /// <summary>One thread's running sums; a struct so that it stays in registers.</summary>
    private struct ThreadSums(double pivot)
    {
        private long _missing, _zeros, _positive, _negative;
        private double _sum, _sumOfSquares;
        private double _min = double.PositiveInfinity, _max = double.NegativeInfinity;

        public void Add(double x)
        {
            if (double.IsNaN(x))
            {
                _missing++;
                return;
            }
            _min = x < _min ? x : _min;
            _max = x > _max ? x : _max;
            if (double.IsInfinity(x))
            {
                if (x > 0) _positive++;
                else _negative++;
                return;
            }
            if (x == 0) _zeros++;
            double d = x - pivot;
            _sum += d;
            _sumOfSquares += d * d;
        }

        public readonly MomentsState ToState(long visited)
        {
            long count = visited - _missing;
            long finite = count - _positive - _negative;
            double mean = 0, m2 = 0;
            if (finite > 0)
            {
                double shift = _sum / finite;
                mean = pivot + shift;
                m2 = _sumOfSquares - shift * _sum;
                if (m2 < 0) m2 = 0;
            }
            return new MomentsState(count, _missing, finite, _zeros, _positive, _negative, mean, m2, _min, _max);
        }
    }
}
