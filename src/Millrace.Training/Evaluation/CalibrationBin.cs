namespace Millrace.Training;

/// <summary>One bin of a calibration table: predictions in [<paramref name="Low"/>, <paramref name="High"/>) and what happened to them.</summary>
/// <param name="Low">The bin's lower edge.</param>
/// <param name="High">The bin's upper edge (1 is included in the last bin).</param>
/// <param name="Count">How many predictions fell in it.</param>
/// <param name="MeanPredicted">Their mean predicted probability (NaN when empty).</param>
/// <param name="ObservedRate">The fraction of them whose label was 1 (NaN when empty).</param>
public sealed record CalibrationBin(double Low, double High, long Count, double MeanPredicted, double ObservedRate);
