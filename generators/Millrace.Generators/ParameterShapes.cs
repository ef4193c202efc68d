using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Millrace.Generators.Model;

namespace Millrace.Generators;

/// <summary>
/// Decides whether a parameter type has a canonical encoding, and how: primitives, string, enums, TimeSpan,
/// DateTimeOffset, nullable of those, arrays of those, and records made of those. Anything else (object, interfaces,
/// lists, dictionaries, classes with hidden state) could not key a cache reliably and is reported as MR0008.
/// </summary>
internal static class ParameterShapes
{
    private static readonly EquatableArray<ShapeMember> NoMembers = EquatableArray<ShapeMember>.Empty;

    /// <summary>The shape of <paramref name="type"/>, or null with the reason in <paramref name="problem"/>.</summary>
    public static ValueShape? Of(ITypeSymbol type, out string problem)
    {
        problem = "";
        return Of(type, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default), ref problem);
    }

    private static ValueShape? Of(ITypeSymbol type, HashSet<ITypeSymbol> visiting, ref string problem)
    {
        if (IsScalar(type)) return new ValueShape(ValueShapeKind.Scalar, type.IsReferenceType, null, NoMembers);
        if (type.TypeKind == TypeKind.Enum) return new ValueShape(ValueShapeKind.Enum, false, null, NoMembers);

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            var inner = Of(nullable.TypeArguments[0], visiting, ref problem);
            return inner is null ? null : new ValueShape(ValueShapeKind.Nullable, false, inner, NoMembers);
        }

        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            var element = Of(array.ElementType, visiting, ref problem);
            return element is null ? null : new ValueShape(ValueShapeKind.Array, true, element, NoMembers);
        }

        if (type is INamedTypeSymbol { IsRecord: true } record)
        {
            if (!visiting.Add(record.OriginalDefinition))
            {
                problem = $" (record '{record.Name}' contains itself)";
                return null;
            }
            var members = new List<ShapeMember>();
            foreach (var property in PublicProperties(record))
            {
                var shape = Of(property.Type, visiting, ref problem);
                if (shape is null)
                {
                    if (problem.Length == 0) problem = $" (its member '{property.Name}' has type '{property.Type.ToDisplayString()}')";
                    return null;
                }
                members.Add(new ShapeMember(property.Name, shape));
            }
            visiting.Remove(record.OriginalDefinition);
            return new ValueShape(ValueShapeKind.Record, record.IsReferenceType, null,
                members.OrderBy(m => m.Name, System.StringComparer.Ordinal).ToEquatableArray());
        }

        return null;
    }

    private static IEnumerable<IPropertySymbol> PublicProperties(INamedTypeSymbol record) =>
        ComponentSymbols.Properties(record).Where(p =>
            p.DeclaredAccessibility == Accessibility.Public && p.GetMethod is not null && p.Name != "EqualityContract");

    private static bool IsScalar(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_Char:
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_Decimal:
            case SpecialType.System_String:
                return true;
        }
        return ComponentSymbols.IsNamed(type, "System.TimeSpan") || ComponentSymbols.IsNamed(type, "System.DateTimeOffset");
    }
}
