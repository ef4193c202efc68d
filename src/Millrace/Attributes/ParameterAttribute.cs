namespace Millrace;

/// <summary>
/// Marks a component property as a parameter: a value set in the pipeline that is part of the node's cache key.
/// Allowed types: primitives, <see cref="string"/>, enums, <see cref="TimeSpan"/>, <see cref="DateTimeOffset"/>,
/// arrays of those, and records made of those (MR0008 reports any other).
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ParameterAttribute : Attribute;
