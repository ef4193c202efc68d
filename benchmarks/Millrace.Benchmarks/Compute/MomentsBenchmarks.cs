using System.Numerics;
using BenchmarkDotNet.Attributes;
using Millrace.Compute;

namespace Millrace.Benchmarks.Compute;

/// <summary>
/// The moments kernel over a large float64 column (512 MiB, as membw.c's arrays), against a plain parallel
/// Vector sum of the same column: the most a streaming read can do from .NET on this machine.
/// Compare the GB/s column with membw's read_GBps measured in the same session.
/// </summary>
[Config(typeof(ComputeBenchmarkConfig))]
public class MomentsBenchmarks
{
    private double[] _values = [];

    [Params(64 * 1024 * 1024)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _values = new double[Rows];
        for (int i = 0; i < _values.Length; i++) _values[i] = 1000 + random.NextDouble() * 100;
    }

    [Benchmark(Baseline = true), BytesPerRow(8)]
    public double VectorSumAllCores() => Sum(_values);

    [Benchmark, BytesPerRow(8)]
    public MomentsState MomentsAllCores() => SimdColumnKernels.Instance.Moments(_values);

    [Benchmark, BytesPerRow(8)]
    public MomentsState MomentsOneCore() => SimdMoments.ComputeSequential(_values);

    private static double Sum(double[] values)
    {
        int workers = Environment.ProcessorCount;
        var partial = new double[workers];
        Parallel.For(0, workers, w =>
        {
            var span = values.AsSpan((int)((long)values.Length * w / workers), values.Length / workers);
            Vector<double> a = Vector<double>.Zero, b = a, c = a, d = a;
            int width = Vector<double>.Count, i = 0;
            for (; i <= span.Length - 4 * width; i += 4 * width)
            {
                a += new Vector<double>(span[i..]);
                b += new Vector<double>(span[(i + width)..]);
                c += new Vector<double>(span[(i + 2 * width)..]);
                d += new Vector<double>(span[(i + 3 * width)..]);
            }
            double sum = Vector.Sum(a + b + c + d);
            for (; i < span.Length; i++) sum += span[i];
            partial[w] = sum;
        });
        return partial.Sum();
    }
}
