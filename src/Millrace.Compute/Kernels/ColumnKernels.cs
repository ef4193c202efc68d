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
        if (!allowGpu) return SimdColumnKernels.Instance;
        var context = Context.Create(builder => builder.Default().EnableAlgorithms());
        if (context.GetCudaDevices().Count == 0)
        {
            context.Dispose();
            return SimdColumnKernels.Instance;
        }
        return new IlgpuColumnKernels(context, context.CreateCudaAccelerator(0));
    }
}
