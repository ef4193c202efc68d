namespace Millrace.Components;

/// <summary>What an ExampleGen does with a row it cannot read.</summary>
public enum BadRowPolicy
{
    /// <summary>Fail the step at the first bad row, naming its file, line and column.</summary>
    Fail,

    /// <summary>
    /// Write bad rows, with their line numbers and problems, to <c>quarantine.csv</c> in the artifact, and fail only
    /// when their fraction of all rows exceeds the configured maximum.
    /// </summary>
    Quarantine,
}
