namespace Millrace.Compute;

/// <summary>One bucket of a histogram: the values in [<paramref name="Low"/>, <paramref name="High"/>) (the last bucket also holds <paramref name="High"/>).</summary>
/// <param name="Low">The bucket's lower edge.</param>
/// <param name="High">The bucket's upper edge.</param>
/// <param name="Count">How many values fall in the bucket; an estimate for a quantile histogram.</param>
public readonly record struct HistogramBucket(double Low, double High, double Count);
