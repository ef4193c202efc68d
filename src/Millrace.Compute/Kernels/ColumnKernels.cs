using System.Runtime.InteropServices;
using ILGPU;
using ILGPU.Runtime.Cuda;

namespace Millrace.Compute;

/// <summary>Chooses the kernels for this machine.</summary>
public static class ColumnKernels
{
    /// <summary>
    /// The ILGPU kernels on the first CUDA device when there is one and <paramref name="allowGpu"/> is true;
    /// otherwise the SIMD CPU kernels. Never the ILGPU CPU simulator. Dispose the result.
    /// </summary>
    public static IColumnKernels Create(bool allowGpu = true)
    {
        // Without the CUDA driver there is no CUDA device: ILGPU is not started (its first context costs ~0.15 s).
        if (!allowGpu || !CudaDriverLoads.Value) return SimdColumnKernels.Instance;
        var context = Context.Create(builder => builder.Default().EnableAlgorithms());
        if (context.GetCudaDevices().Count == 0)
        {
            context.Dispose();
            return SimdColumnKernels.Instance;
        }
        return new IlgpuColumnKernels(context, context.CreateCudaAccelerator(0));
    }

    /// <summary>Whether the CUDA driver library loads on this machine: the cheap test before asking ILGPU for devices.</summary>
    private static readonly Lazy<bool> CudaDriverLoads = new(() =>
    {
        if (!NativeLibrary.TryLoad(OperatingSystem.IsWindows() ? "nvcuda.dll" : "libcuda.so.1", out var handle)) return false;
        NativeLibrary.Free(handle);
        return true;
    });
}
