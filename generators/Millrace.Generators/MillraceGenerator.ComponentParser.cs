using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Millrace.Generators.Model;

namespace Millrace.Generators;

public sealed partial class MillraceGenerator
{
    /// <summary>Builds a component's model from its <c>[Component]</c> class; nothing of Roslyn's escapes.</summary>
    internal static class ComponentParser
    {
        public static ComponentResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var type = (INamedTypeSymbol)context.TargetSymbol;
            var declaration = (ClassDeclarationSyntax)context.TargetNode;
            var nameLocation = LocationInfo.From(declaration.Identifier);
            var diagnostics = new List<DiagnosticInfo>();
            var emittable = true;

            if (!ComponentSymbols.IsPartial(type))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ComponentNotPartial, nameLocation, type.Name));
                emittable = false;
            }
            if (type.ContainingType is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NestedOrGenericType, nameLocation, type.Name,
                    $" (it is nested in '{type.ContainingType.Name}')"));
                emittable = false;
            }
            if (ComponentSymbols.CheckExecuteAsync(type) is var (problem, method))
            {
                var where = method?.Locations.FirstOrDefault(l => l.IsInSource) is { } methodLocation
                    ? LocationInfo.From(methodLocation)
                    : nameLocation;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidExecuteAsync, where, type.Name, problem));
                emittable = false;
            }

            var parameters = new List<ParameterModel>();
            foreach (var property in ComponentSymbols.Properties(type))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var propertyLocation = PropertyNameLocation(property) ?? nameLocation;
                if (ComponentSymbols.PortProblem(property) is { } portProblem)
                {
                    var kind = ComponentSymbols.Has(property, KnownNames.InputAttribute) ? "Input" : "Output";
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidPort, propertyLocation, kind, property.Name, type.Name, portProblem));
                    emittable = false;
                }
                if (ComponentSymbols.Has(property, KnownNames.ParameterAttribute))
                {
                    if (ParameterShapes.Of(property.Type, out var why) is { } shape && property.GetMethod is not null)
                    {
                        parameters.Add(ToParameter(property, shape));
                    }
                    else
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnserializableParameter, propertyLocation,
                            property.Name, type.Name, property.Type.ToDisplayString(), why));
                        emittable = false;
                    }
                }
            }

            var model = emittable
                ? new ComponentModel(
                    type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString(),
                    type.Name,
                    MetadataName(type),
                    type.TypeParameters.Select(p => p.Name).ToEquatableArray(),
                    DocComments.SummaryOf(declaration),
                    ComponentSymbols.Inputs(type).Select(ComponentSymbols.ToInputPort).ToEquatableArray(),
                    ComponentSymbols.Outputs(type).Select(ComponentSymbols.ToOutputPort).ToEquatableArray(),
                    parameters.OrderBy(p => p.Name, System.StringComparer.Ordinal).ToEquatableArray(),
                    ComponentSymbols.IsCacheableComponent(type))
                : null;
            return new ComponentResult(model, diagnostics.ToEquatableArray());
        }

        private static ParameterModel ToParameter(IPropertySymbol property, ValueShape shape)
        {
            var syntax = property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() as PropertyDeclarationSyntax;
            return new ParameterModel(
                property.Name,
                property.Type.ToDisplayString(),
                syntax?.Initializer?.Value.ToString(),
                syntax is null ? null : DocComments.SummaryOf(syntax),
                shape);
        }

        private static LocationInfo? PropertyNameLocation(IPropertySymbol property) =>
            property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is PropertyDeclarationSyntax syntax
                ? LocationInfo.From(syntax.Identifier)
                : null;

        private static string MetadataName(INamedTypeSymbol type) =>
            type.ContainingNamespace.IsGlobalNamespace ? type.MetadataName : type.ContainingNamespace.ToDisplayString() + "." + type.MetadataName;
    }
}
