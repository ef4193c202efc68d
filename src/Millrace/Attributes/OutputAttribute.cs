namespace Millrace;

/// <summary>
/// Marks a component property as an output port. The runtime creates the artifact, gives it a fresh directory and
/// publishes it after <c>ExecuteAsync</c> succeeds. A pipeline reads outputs to wire them; it never assigns them.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class OutputAttribute : Attribute;
