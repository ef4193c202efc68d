namespace Millrace;

/// <summary>How far a running component has come.</summary>
/// <param name="Fraction">Done so far, from 0 to 1, or <see langword="null"/> when unknown.</param>
/// <param name="Message">What it is doing now, for people.</param>
public readonly record struct ComponentProgress(double? Fraction, string? Message);
