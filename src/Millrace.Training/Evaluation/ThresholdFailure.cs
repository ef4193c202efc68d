namespace Millrace.Training;

/// <summary>A threshold a model missed: which metric, its value, the bound, and by how much.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Value">The model's value.</param>
/// <param name="Bound">The bound it missed.</param>
/// <param name="Shortfall">How far on the wrong side of the bound it is (positive).</param>
/// <param name="Message">One line saying so, for the run's output.</param>
/// <param name="AgainstBaseline">True for a change threshold, which compares with the baseline model.</param>
public sealed record ThresholdFailure(string Metric, double Value, double Bound, double Shortfall, string Message, bool AgainstBaseline = false);
