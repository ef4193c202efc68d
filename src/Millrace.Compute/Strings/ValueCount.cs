namespace Millrace.Compute;

/// <summary>A string value and how many times it occurs (a lower bound when the counts come from a sketch).</summary>
/// <param name="Value">The value.</param>
/// <param name="Count">Its count.</param>
public readonly record struct ValueCount(string Value, long Count);
