using ILGPU;

namespace Millrace.Compute;

/// <summary>
/// The moments kernel for ILGPU. Each thread walks the column with a grid stride, accumulating shifted sums
/// Σ(x − pivot) and Σ(x − pivot)² (no division per value; the pivot, a value near the mean chosen on the host,
/// keeps the subtraction at the end well conditioned), turns them into a (mean, M2) state, and the states of a
/// group are merged by a tree in shared memory with Chan's formula. One state per group comes back to the host.
/// </summary>
internal static class IlgpuMomentsKernel
{
    /// <summary>Explicitly grouped: the group size is a power of two and the dynamic shared memory holds one state per thread.</summary>
    public static void Run(ArrayView<double> values, ArrayView<MomentsState> groupStates, double pivot)
    {
        var shared = SharedMemory.GetDynamic<MomentsState>();
        long length = values.Length;
        long stride = (long)Grid.DimX * Group.DimX;
        long count = 0, missing = 0, finite = 0, zeros = 0, positive = 0, negative = 0;
        double sum = 0, sumOfSquares = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (long i = (long)Grid.IdxX * Group.DimX + Group.IdxX; i < length; i += stride)
        {
            double x = values[i];
            if (double.IsNaN(x)) { missing++; continue; }
            count++;
            if (x < min) min = x;
            if (x > max) max = x;
            if (x == double.PositiveInfinity) { positive++; continue; }
            if (x == double.NegativeInfinity) { negative++; continue; }
            if (x == 0) zeros++;
            finite++;
            double d = x - pivot;
            sum += d;
            sumOfSquares += d * d;
        }
        double mean = 0, m2 = 0;
        if (finite > 0)
        {
            double shift = sum / finite;
            mean = pivot + shift;
            m2 = sumOfSquares - shift * sum;
            if (m2 < 0) m2 = 0;
        }
        int thread = Group.IdxX;
        shared[thread] = new MomentsState(count, missing, finite, zeros, positive, negative, mean, m2, min, max);
        Group.Barrier();
        for (int half = Group.DimX / 2; half > 0; half /= 2)
        {
            if (thread < half) shared[thread] = MomentsState.Merge(shared[thread], shared[thread + half]);
            Group.Barrier();
        }
        if (thread == 0) groupStates[Grid.IdxX] = shared[0];
    }
}
