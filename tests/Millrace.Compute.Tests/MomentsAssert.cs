namespace Millrace.Compute.Tests;

internal static class MomentsAssert
{
    /// <summary>Counts and extremes exactly; mean within 1e-9 relative; variance within 1e-9 relative.</summary>
    public static void Equal(ExactReference.Moments expected, MomentsState actual, double tolerance = 1e-9)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Missing, actual.Missing);
        Assert.Equal(expected.Finite, actual.FiniteCount);
        Assert.Equal(expected.Zeros, actual.Zeros);
        Assert.Equal(expected.PositiveInfinities, actual.PositiveInfinities);
        Assert.Equal(expected.NegativeInfinities, actual.NegativeInfinities);
        Assert.Equal(expected.Min, actual.Min);
        Assert.Equal(expected.Max, actual.Max);
        Close(expected.Mean, actual.Mean, tolerance, "mean");
        if (expected.Finite > 0) Close(expected.Variance, actual.Variance, tolerance, "variance");
        else Assert.True(double.IsNaN(actual.Variance));
    }

    public static void Close(double expected, double actual, double relative, string what)
    {
        double scale = Math.Max(Math.Abs(expected), 1e-300);
        Assert.True(Math.Abs(expected - actual) <= relative * scale || expected == actual,
            $"{what}: expected {expected:G17}, got {actual:G17} (relative error {Math.Abs(expected - actual) / scale:G3}, allowed {relative:G3})");
    }

    /// <summary>Two kernel states agree: counts and extremes exactly, mean and M2 within <paramref name="relative"/>.</summary>
    public static void Same(MomentsState expected, MomentsState actual, double relative)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Missing, actual.Missing);
        Assert.Equal(expected.FiniteCount, actual.FiniteCount);
        Assert.Equal(expected.Zeros, actual.Zeros);
        Assert.Equal(expected.PositiveInfinities, actual.PositiveInfinities);
        Assert.Equal(expected.NegativeInfinities, actual.NegativeInfinities);
        Assert.Equal(expected.Min, actual.Min);
        Assert.Equal(expected.Max, actual.Max);
        Close(expected.Mean, actual.Mean, relative, "mean");
        Close(expected.M2, actual.M2, relative, "M2");
    }
}
