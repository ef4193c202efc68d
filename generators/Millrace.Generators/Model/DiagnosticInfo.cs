using System.Linq;
using Microsoft.CodeAnalysis;

namespace Millrace.Generators.Model;

/// <summary>A diagnostic to report, as plain values (its descriptor, where, and the message arguments).</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments) =>
        new(descriptor, location, arguments.ToEquatableArray());

    public Diagnostic ToDiagnostic(Compilation compilation) =>
        Diagnostic.Create(Descriptor, Location.ToLocation(compilation), Arguments.Select(static a => (object)a).ToArray());
}
