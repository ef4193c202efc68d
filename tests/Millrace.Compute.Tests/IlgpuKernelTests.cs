using ILGPU.Runtime.Cuda;

namespace Millrace.Compute.Tests;

/// <summary>
/// The device kernels, run on ILGPU's CPU accelerator (a simulator, so the inputs stay small), must agree with the
/// SIMD kernels: counts and extremes exactly, mean and M2 within float tolerance, histograms exactly.
/// </summary>
public sealed class IlgpuKernelTests : IClassFixture<IlgpuKernelTests.Simulator>
{
    private readonly IlgpuColumnKernels _device;

    public IlgpuKernelTests(Simulator simulator) => _device = simulator.Kernels;

    [Theory]
    [InlineData(1, 1)]
    [InlineData(100, 2)]
    [InlineData(4_000, 3)]
    public void Device_moments_equal_the_simd_moments_on_columns_with_nan_and_infinities(int length, int seed)
    {
        var values = RandomColumns.Numeric(length, seed, offset: 500, specialFraction: 0.1);
        MomentsAssert.Same(SimdColumnKernels.Instance.Moments(values), _device.Moments(values), 1e-9);
    }

    [Fact]
    public void Device_moments_of_an_empty_or_all_missing_column_equal_the_simd_ones()
    {
        Assert.Equal(0, _device.Moments([]).TotalCount);
        var missing = Enumerable.Repeat(double.NaN, 300).ToArray();
        MomentsAssert.Same(SimdColumnKernels.Instance.Moments(missing), _device.Moments(missing), 0);
    }

    [Fact]
    public void Device_histogram_equals_the_simd_histogram()
    {
        var values = RandomColumns.Numeric(3_000, 4, specialFraction: 0.1);
        var expected = SimdColumnKernels.Instance.Histogram(values, -120, 90, 12);
        var actual = _device.Histogram(values, -120, 90, 12);
        Assert.Equal(expected.Counts.ToArray(), actual.Counts.ToArray());
        Assert.Equal((expected.Underflow, expected.Overflow), (actual.Underflow, actual.Overflow));
    }

    [Fact]
    public void Device_histogram_with_more_buckets_than_shared_memory_holds_equals_the_simd_histogram()
    {
        var values = RandomColumns.Numeric(2_000, 5, specialFraction: 0.1);
        var expected = SimdColumnKernels.Instance.Histogram(values, -300, 300, 5_000);
        var actual = _device.Histogram(values, -300, 300, 5_000);
        Assert.Equal(expected.Counts.ToArray(), actual.Counts.ToArray());
        Assert.Equal((expected.Underflow, expected.Overflow), (actual.Underflow, actual.Overflow));
    }

    [Fact]
    public void The_default_kernels_are_the_cuda_ones_exactly_when_ilgpu_finds_a_cuda_device()
    {
        // ColumnKernels skips ILGPU when the CUDA driver does not load; ILGPU's own search must agree.
        using var context = ILGPU.Context.Create(builder => builder.Cuda());
        bool cuda = context.GetCudaDevices().Count > 0;
        using var kernels = ColumnKernels.Create();
        Assert.Equal(cuda, kernels is IlgpuColumnKernels);
        Assert.True(cuda ? kernels.Name.Contains("Cuda", StringComparison.OrdinalIgnoreCase) : kernels is SimdColumnKernels);
    }

    /// <summary>One simulator for the class: compiling the kernels is the slow part.</summary>
    public sealed class Simulator : IDisposable
    {
        public IlgpuColumnKernels Kernels { get; } = IlgpuColumnKernels.CreateCpuSimulator();

        public void Dispose() => Kernels.Dispose();
    }
}
