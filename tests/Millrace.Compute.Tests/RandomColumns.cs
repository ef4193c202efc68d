namespace Millrace.Compute.Tests;

/// <summary>Random float64 columns with the awkward values a real column has: NaN, infinities, zeros, a large offset.</summary>
internal static class RandomColumns
{
    public static double[] Numeric(int length, int seed, double offset = 0, double specialFraction = 0.02)
    {
        var random = new Random(seed);
        var values = new double[length];
        for (int i = 0; i < length; i++)
        {
            double u = random.NextDouble();
            values[i] = u < specialFraction / 4 ? double.NaN
                : u < specialFraction / 2 ? double.PositiveInfinity
                : u < 3 * specialFraction / 4 ? double.NegativeInfinity
                : u < specialFraction ? 0.0
                : offset + Gaussian(random) * 100;
        }
        return values;
    }

    public static double[] Clean(int length, int seed, double offset = 0)
    {
        var random = new Random(seed);
        var values = new double[length];
        for (int i = 0; i < length; i++) values[i] = offset + Gaussian(random) * 100;
        return values;
    }

    /// <summary>Zipf-like codes over a dictionary of <paramref name="distinct"/> words; about 3% missing (−1).</summary>
    public static (int[] Codes, string[] Dictionary) Strings(int length, int distinct, int seed)
    {
        var random = new Random(seed);
        var dictionary = Enumerable.Range(0, distinct).Select(i => $"value-{i}-{new string('é', i % 5)}").ToArray();
        var codes = new int[length];
        for (int i = 0; i < length; i++)
            codes[i] = random.NextDouble() < 0.03 ? -1 : (int)Math.Min(distinct - 1, Math.Floor(distinct * Math.Pow(random.NextDouble(), 3)));
        return (codes, dictionary);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
