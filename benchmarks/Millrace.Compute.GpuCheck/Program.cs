using System.Diagnostics;
using System.Globalization;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using Millrace.Compute;

// Times the ILGPU moments and histogram kernels over a float64 column resident on the device, checks them against
// the SIMD CPU kernels, and prints JSON lines. Usage:
//   Millrace.Compute.GpuCheck [rows=100000000] [--simulator]
// --simulator runs on ILGPU's CPU accelerator (a few thousand rows: it only proves the kernels compile and agree).
// Publish for a bare linux-x64 GPU machine (one ~30 MB file):
//   dotnet publish benchmarks/Millrace.Compute.GpuCheck -c Release -r linux-x64 --self-contained \
//     -p:PublishSingleFile=true -p:EnableCompressionInSingleFile=true -o artifacts/gpucheck
bool simulator = args.Contains("--simulator");
long rows = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(a => long.Parse(a, CultureInfo.InvariantCulture))
    .DefaultIfEmpty(simulator ? 4096 : 100_000_000).First();

IlgpuColumnKernels kernels;
if (simulator) kernels = IlgpuColumnKernels.CreateCpuSimulator();
else
{
    var context = Context.Create(builder => builder.Default().EnableAlgorithms());
    if (context.GetCudaDevices().Count == 0)
    {
        Console.WriteLine("{\"error\": \"no CUDA device found by ILGPU\"}");
        context.Dispose();
        return 2;
    }
    kernels = new IlgpuColumnKernels(context, context.CreateCudaAccelerator(0));
}
using (kernels)
{
    var accelerator = kernels.Accelerator;
    // ILGPU reports the memory clock in MHz; DDR moves two words per clock over the bus width (bits).
    double peak = accelerator is CudaAccelerator cuda ? 2.0 * cuda.MemoryClockRate * 1e6 * cuda.MemoryBusWidth / 8 / 1e9 : double.NaN;
    Console.WriteLine($"{{\"device\": \"{kernels.Name}\", \"rows\": {rows}, \"peak_GBps\": {Json(peak)}}}");

    var values = new double[rows];
    Parallel.For(0, Environment.ProcessorCount, worker =>
    {
        var random = new Random(worker + 1);
        long start = rows * worker / Environment.ProcessorCount, end = rows * (worker + 1) / Environment.ProcessorCount;
        for (long i = start; i < end; i++) values[i] = 1000 + 100 * random.NextDouble();
    });
    values[rows / 3] = double.NaN;
    values[rows / 2] = double.PositiveInfinity;
    values[rows - 1] = 0;

    var stopwatch = Stopwatch.StartNew();
    using var buffer = kernels.Upload(values);
    accelerator.Synchronize();
    double uploadSeconds = stopwatch.Elapsed.TotalSeconds;
    double pivot = IlgpuColumnKernels.Pivot(values);

    var device = kernels.Moments(buffer.View, pivot); // compiles the kernel
    var best = double.MaxValue;
    for (int run = 0; run < 10; run++)
    {
        stopwatch.Restart();
        device = kernels.Moments(buffer.View, pivot);
        best = Math.Min(best, stopwatch.Elapsed.TotalSeconds);
    }
    double bytes = rows * 8.0;
    Console.WriteLine($"{{\"kernel\": \"moments\", \"best_s\": {Json(best)}, \"GBps\": {Json(bytes / best / 1e9)}, \"fraction_of_peak\": {Json(bytes / best / 1e9 / peak)}, \"upload_GBps\": {Json(bytes / uploadSeconds / 1e9)}}}");

    stopwatch.Restart();
    var cpu = SimdColumnKernels.Instance.Moments(values);
    double cpuSeconds = stopwatch.Elapsed.TotalSeconds;
    bool agree = cpu.Count == device.Count && cpu.Missing == device.Missing && cpu.Zeros == device.Zeros
        && cpu.PositiveInfinities == device.PositiveInfinities && cpu.Min == device.Min && cpu.Max == device.Max
        && Math.Abs(cpu.Mean - device.Mean) <= 1e-9 * Math.Abs(cpu.Mean) && Math.Abs(cpu.M2 - device.M2) <= 1e-6 * cpu.M2;
    Console.WriteLine($"{{\"check\": \"moments vs cpu-simd\", \"agree\": {(agree ? "true" : "false")}, \"cpu_simd_GBps\": {Json(bytes / cpuSeconds / 1e9)}, \"gpu\": \"{device}\", \"cpu\": \"{cpu}\"}}");

    var histogram = kernels.Histogram(buffer.View, 1000, 1100, 64); // compiles the kernel
    best = double.MaxValue;
    for (int run = 0; run < 10; run++)
    {
        stopwatch.Restart();
        histogram = kernels.Histogram(buffer.View, 1000, 1100, 64);
        best = Math.Min(best, stopwatch.Elapsed.TotalSeconds);
    }
    var cpuHistogram = SimdColumnKernels.Instance.Histogram(values, 1000, 1100, 64);
    bool histogramAgrees = histogram.Counts.SequenceEqual(cpuHistogram.Counts) && histogram.Overflow == cpuHistogram.Overflow && histogram.Underflow == cpuHistogram.Underflow;
    agree &= histogramAgrees;
    Console.WriteLine($"{{\"kernel\": \"histogram (64 buckets)\", \"best_s\": {Json(best)}, \"GBps\": {Json(bytes / best / 1e9)}, \"fraction_of_peak\": {Json(bytes / best / 1e9 / peak)}, \"agrees_with_cpu_simd\": {(histogramAgrees ? "true" : "false")}}}");
    return agree ? 0 : 1;
}

static string Json(double value) => double.IsFinite(value) ? value.ToString("G6", CultureInfo.InvariantCulture) : "null";
