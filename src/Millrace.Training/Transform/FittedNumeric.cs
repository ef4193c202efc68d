using MessagePack;

namespace Millrace.Training;

/// <summary>A numeric feature with its fitted fill value and scaling constants; one dense value.</summary>
[MessagePackObject]
public sealed class FittedNumeric : FittedFeature
{
    /// <summary>The fill value for a missing input, or NaN for none.</summary>
    [Key(10)] public required double Fill { get; init; }

    /// <summary>Whether log(1 + max(x, 0)) applies.</summary>
    [Key(11)] public required bool Log { get; init; }

    /// <summary>The lower clip bound (−∞ for none).</summary>
    [Key(12)] public required double ClipLow { get; init; }

    /// <summary>The upper clip bound (+∞ for none).</summary>
    [Key(13)] public required double ClipHigh { get; init; }

    /// <summary>Subtracted before dividing by <see cref="Scale"/> (the mean, the minimum, or 0).</summary>
    [Key(14)] public required double Shift { get; init; }

    /// <summary>The divisor (the standard deviation, the range, or 1; never 0).</summary>
    [Key(15)] public required double Scale { get; init; }

    /// <summary>The value after imputation, log and clipping, before scaling; the analyzers fit the scaling on it.</summary>
    internal static double Prescale(double x, double fill, bool log, double low, double high)
    {
        if (double.IsNaN(x)) x = fill;
        if (log) x = Math.Log(1 + Math.Max(x, 0));
        return Math.Clamp(x, low, high);
    }

    internal override void Write(RawRows rows, int row, Span<float> dense, Span<long> categorical)
    {
        double x = Prescale(rows.Number(Inputs[0], row), Fill, Log, ClipLow, ClipHigh);
        dense[DenseOffset] = double.IsNaN(x) ? 0f : (float)((x - Shift) / Scale);
    }
}
