namespace Millrace;

/// <summary>
/// Marks a pipeline step whose outputs nothing consumes on purpose, silencing the MR0013 warning for that step.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class SinkAttribute : Attribute;
