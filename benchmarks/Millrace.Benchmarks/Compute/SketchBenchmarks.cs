using BenchmarkDotNet.Attributes;
using Millrace.Compute;

namespace Millrace.Benchmarks.Compute;

/// <summary>The histogram and quantile kernels on a float64 column, the string kernels on a dictionary-encoded and a UTF-8 column.</summary>
[Config(typeof(ComputeBenchmarkConfig))]
public class SketchBenchmarks
{
    private double[] _values = [];
    private int[] _codes = [];
    private string[] _dictionary = [];
    private byte[] _utf8 = [];
    private int[] _offsets = [];

    [Params(8 * 1024 * 1024)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2);
        _values = new double[Rows];
        for (int i = 0; i < _values.Length; i++) _values[i] = random.NextDouble() * 1000;
        _dictionary = Enumerable.Range(0, 300).Select(i => $"ORIGIN-{i:D3}").ToArray();
        _codes = new int[Rows];
        for (int i = 0; i < _codes.Length; i++) _codes[i] = (int)(300 * Math.Pow(random.NextDouble(), 2));
        var bytes = new List<byte>(Rows * 10);
        _offsets = new int[Rows + 1];
        for (int i = 0; i < Rows; i++)
        {
            bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(_dictionary[_codes[i]]));
            _offsets[i + 1] = bytes.Count;
        }
        _utf8 = bytes.ToArray();
    }

    [Benchmark, BytesPerRow(8)]
    public EqualWidthHistogram Histogram64Buckets() => SimdColumnKernels.Instance.Histogram(_values, 0, 1000, 64);

    [Benchmark, BytesPerRow(8)]
    public double KllMedian() => SimdColumnKernels.Instance.Quantiles(_values).Median;

    [Benchmark, BytesPerRow(4)]
    public long StringsDictionaryEncoded() => SimdColumnKernels.Instance.Strings(_codes, _dictionary).DistinctCount;

    [Benchmark, BytesPerRow(14)]
    public long StringsUtf8() => SimdColumnKernels.Instance.Strings(new Utf8Column(_utf8, _offsets)).DistinctCount;
}
