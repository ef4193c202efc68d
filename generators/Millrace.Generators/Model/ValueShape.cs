namespace Millrace.Generators.Model;

/// <summary>How a parameter value is encoded: the allowed parameter types form a small closed tree of shapes.</summary>
internal enum ValueShapeKind
{
    /// <summary>A value one <c>ParameterWriter.WriteValue</c> overload writes (numbers, bool, char, string, times).</summary>
    Scalar,
    /// <summary>An enum, written by name.</summary>
    Enum,
    /// <summary>A <c>Nullable&lt;T&gt;</c> of another shape.</summary>
    Nullable,
    /// <summary>An array of another shape.</summary>
    Array,
    /// <summary>A record whose public properties are parameters too, written as an object ordered by name.</summary>
    Record,
}

/// <param name="IsReferenceType">True when the value may be null without being a <c>Nullable&lt;T&gt;</c>.</param>
/// <param name="Element">The element of an array or the underlying value of a nullable.</param>
/// <param name="Members">A record's properties, ordered by name.</param>
internal sealed record ValueShape(
    ValueShapeKind Kind,
    bool IsReferenceType,
    ValueShape? Element,
    EquatableArray<ShapeMember> Members);

/// <summary>A record property inside a parameter value.</summary>
internal sealed record ShapeMember(string Name, ValueShape Shape);
