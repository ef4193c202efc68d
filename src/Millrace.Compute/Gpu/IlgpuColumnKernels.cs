using System.Runtime.InteropServices;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;

namespace Millrace.Compute;

/// <summary>
/// The kernels on an ILGPU accelerator: moments and equal-width histograms run on the device; the sketches
/// (quantiles, strings), which are sequential data structures, run on the CPU kernels. Meant for a CUDA device;
/// <see cref="CreateCpuSimulator"/> exists to test the device kernels, and is far too slow for real work.
/// An instance is not thread-safe: it reuses one small device buffer for the per-group states.
/// </summary>
public sealed class IlgpuColumnKernels : IColumnKernels
{
    private const int PreferredGroupSize = 256;

    private readonly Context _context;
    private readonly Action<KernelConfig, ArrayView<double>, ArrayView<MomentsState>, double> _moments;
    private readonly Action<KernelConfig, ArrayView<double>, ArrayView<long>, double, double, double> _histogramShared;
    private readonly Action<Index1D, ArrayView<double>, ArrayView<long>, double, double, double> _histogramGlobal;
    private readonly int _groupSize;
    private readonly MemoryBuffer1D<MomentsState, Stride1D.Dense> _groupStates;

    /// <summary>Takes ownership of a context and one of its accelerators, and compiles the kernels for it.</summary>
    public IlgpuColumnKernels(Context context, Accelerator accelerator)
    {
        _context = context;
        Accelerator = accelerator;
        _groupSize = (int)Math.Min(PreferredGroupSize, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)accelerator.MaxNumThreadsPerGroup + 1) / 2);
        _moments = accelerator.LoadStreamKernel<ArrayView<double>, ArrayView<MomentsState>, double>(IlgpuMomentsKernel.Run);
        _groupStates = accelerator.Allocate1D<MomentsState>(ResidentGroups);
        _histogramShared = accelerator.LoadStreamKernel<ArrayView<double>, ArrayView<long>, double, double, double>(IlgpuHistogramKernel.RunShared);
        _histogramGlobal = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, ArrayView<long>, double, double, double>(IlgpuHistogramKernel.RunGlobal);
    }

    /// <summary>The kernels on ILGPU's CPU accelerator: a simulator, for testing the device kernels on small inputs.</summary>
    public static IlgpuColumnKernels CreateCpuSimulator()
    {
        var context = Context.Create(builder => builder.CPU().EnableAlgorithms());
        return new IlgpuColumnKernels(context, context.CreateCPUAccelerator(0));
    }

    /// <summary>The accelerator the kernels run on; allocate device buffers on it to keep a column resident.</summary>
    public Accelerator Accelerator { get; }

    /// <inheritdoc/>
    public string Name => $"ilgpu {Accelerator.AcceleratorType}: {Accelerator.Name}";

    // One launch at a time: the moments kernel's group states are one buffer, and the accelerator's default stream
    // is shared; StatisticsGen calls the kernels from several threads (columns and splits in parallel).
    private readonly Lock _launch = new();

    /// <inheritdoc/>
    public MomentsState Moments(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty) return MomentsState.Empty;
        lock (_launch)
        {
            using var buffer = Upload(values);
            double pivot = Pivot(values);
            return LaunchMoments(buffer.View, double.IsFinite(pivot) ? pivot : 0);
        }
    }

    /// <summary>The moments of a column already on the device. <paramref name="pivot"/> should be near the mean (any value of the column will do).</summary>
    public MomentsState Moments(ArrayView<double> values, double pivot)
    {
        if (values.Length == 0) return MomentsState.Empty;
        lock (_launch) return LaunchMoments(values, pivot);
    }

    private MomentsState LaunchMoments(ArrayView<double> values, double pivot)
    {
        if (!double.IsFinite(pivot)) pivot = 0;
        int groups = (int)Math.Min((values.Length + _groupSize - 1) / _groupSize, ResidentGroups);
        var states = _groupStates.View.SubView(0, groups);
        var config = new KernelConfig(groups, _groupSize, SharedMemoryConfig.RequestDynamic<MomentsState>(_groupSize));
        _moments(config, values, states, pivot);
        var partials = states.GetAsArray1D();
        var result = MomentsState.Empty;
        foreach (var partial in partials) result = MomentsState.Merge(result, partial);
        return result;
    }

    /// <summary>As many groups as the device keeps resident at once: enough to saturate memory with a grid stride.</summary>
    private int ResidentGroups => Math.Max(1, Accelerator.NumMultiprocessors * Math.Max(1, Accelerator.MaxNumThreadsPerMultiprocessor / _groupSize));

    /// <inheritdoc/>
    public EqualWidthHistogram Histogram(ReadOnlySpan<double> values, double low, double high, int bucketCount)
    {
        if (values.IsEmpty) return new EqualWidthHistogram(low, high, bucketCount);
        lock (_launch)
        {
            using var buffer = Upload(values);
            return LaunchHistogram(buffer.View, new EqualWidthHistogram(low, high, bucketCount), low, high, bucketCount);
        }
    }

    /// <summary>An equal-width histogram of a column already on the device.</summary>
    public EqualWidthHistogram Histogram(ArrayView<double> values, double low, double high, int bucketCount)
    {
        var histogram = new EqualWidthHistogram(low, high, bucketCount);
        if (values.Length == 0) return histogram;
        lock (_launch) return LaunchHistogram(values, histogram, low, high, bucketCount);
    }

    private EqualWidthHistogram LaunchHistogram(ArrayView<double> values, EqualWidthHistogram histogram, double low, double high, int bucketCount)
    {
        using var counts = Accelerator.Allocate1D<long>(bucketCount + 2);
        counts.MemSetToZero();
        if (bucketCount + 2 <= IlgpuHistogramKernel.MaxSharedCounters)
        {
            int groups = (int)Math.Min((values.Length + _groupSize - 1) / _groupSize, ResidentGroups);
            var config = new KernelConfig(groups, _groupSize, SharedMemoryConfig.RequestDynamic<long>(bucketCount + 2));
            _histogramShared(config, values, counts.View, low, high, histogram.Scale);
        }
        else
        {
            _histogramGlobal((int)values.Length, values, counts.View, low, high, histogram.Scale);
        }
        var result = counts.GetAsArray1D();
        result.AsSpan(0, bucketCount).CopyTo(histogram.MutableCounts);
        histogram.Underflow = result[bucketCount];
        histogram.Overflow = result[bucketCount + 1];
        return histogram;
    }
    /// <inheritdoc/>
    public KllSketch Quantiles(ReadOnlySpan<double> values, int k = KllSketch.DefaultK) => SimdColumnKernels.Instance.Quantiles(values, k);

    /// <inheritdoc/>
    public StringSketch Strings(ReadOnlySpan<int> codes, IReadOnlyList<string> dictionary) => SimdColumnKernels.Instance.Strings(codes, dictionary);

    /// <inheritdoc/>
    public StringSketch Strings(Utf8Column column) => SimdColumnKernels.Instance.Strings(column);

    /// <summary>Copies a column to a new device buffer, which the caller disposes.</summary>
    public MemoryBuffer1D<double, Stride1D.Dense> Upload(ReadOnlySpan<double> values)
    {
        var buffer = Accelerator.Allocate1D<double>(values.Length);
        buffer.View.CopyFromCPU(ref MemoryMarshal.GetReference(values), values.Length);
        return buffer;
    }

    /// <summary>A pivot for <see cref="Moments(ArrayView{double}, double)"/>: the first finite value among the first 4096, else 0.</summary>
    public static double Pivot(ReadOnlySpan<double> values)
    {
        foreach (double x in values[..Math.Min(values.Length, 4096)])
            if (double.IsFinite(x)) return x;
        return 0;
    }

    /// <summary>Releases the accelerator and its context.</summary>
    public void Dispose()
    {
        _groupStates.Dispose();
        Accelerator.Dispose();
        _context.Dispose();
    }
}
