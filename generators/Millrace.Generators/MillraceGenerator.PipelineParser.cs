using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Millrace.Generators.Model;

namespace Millrace.Generators;

public sealed partial class MillraceGenerator
{
    /// <summary>
    /// Builds a pipeline's model from its <c>[Pipeline]</c> class: its steps (properties whose type is a component),
    /// what each input is wired to, and the parameter assignments to copy. Reports the wiring mistakes a single
    /// step shows; the graph-wide ones (cycles, unconsumed outputs) are <see cref="PipelineAnalysis"/>'s.
    /// </summary>
    internal static class PipelineParser
    {
        public static PipelineModel Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var type = (INamedTypeSymbol)context.TargetSymbol;
            var declaration = (ClassDeclarationSyntax)context.TargetNode;
            var classLocation = LocationInfo.From(declaration.Identifier);
            var diagnostics = new List<DiagnosticInfo>();
            var emittable = true;

            var attribute = context.Attributes[0];
            var name = attribute.ConstructorArguments.FirstOrDefault().Value as string ?? "";
            if (!ClusterNames.IsValidLabel(name))
            {
                var argument = (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax)?.ArgumentList?.Arguments.FirstOrDefault();
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidPipelineName,
                    argument is null ? classLocation : LocationInfo.From(argument), name));
            }
            if (!ComponentSymbols.IsPartial(type))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PipelineNotPartial, classLocation, type.Name));
                emittable = false;
            }
            if (type.ContainingType is not null || type.IsGenericType)
            {
                var why = type.ContainingType is not null ? $" (it is nested in '{type.ContainingType.Name}')" : " (it is generic)";
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NestedOrGenericType, classLocation, type.Name, why));
                emittable = false;
            }
            foreach (var reserved in type.GetMembers(KnownNames.GraphProperty).Where(m => !m.IsImplicitlyDeclared))
            {
                var location = reserved.Locations.FirstOrDefault(l => l.IsInSource);
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedMemberName,
                    location is null ? classLocation : LocationInfo.From(location), name, reserved.Name));
                emittable = false;
            }

            // Steps are found and wired from declarations and syntax alone: nothing here binds an expression, so a
            // re-run after an edit elsewhere costs little more than reading the pipeline's declarations.
            var shapes = new Dictionary<INamedTypeSymbol, ComponentShape>(SymbolEqualityComparer.Default);
            var stepShapes = new Dictionary<string, ComponentShape>();
            var stepProperties = new List<(IPropertySymbol Property, ComponentShape Shape)>();
            foreach (var member in type.GetMembers())
            {
                if (member is IPropertySymbol { IsStatic: false } property && ComponentSymbols.IsComponent(property.Type))
                {
                    var shape = ComponentShape.Of((INamedTypeSymbol)property.Type, shapes);
                    stepProperties.Add((property, shape));
                    stepShapes[property.Name] = shape;
                }
            }

            var steps = new List<StepModel>();
            var clusterNames = new Dictionary<string, string>();
            foreach (var (property, shape) in stepProperties)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var step = ParseStep(property, shape, stepShapes, name, diagnostics, ref emittable, cancellationToken);
                steps.Add(step);
                if (!ClusterNames.IsValidLabel(step.ClusterName))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidStepName, step.NameLocation, step.Name, step.ClusterName));
                    emittable = false;
                }
                else if (clusterNames.TryGetValue(step.ClusterName, out var first))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.StepNamesCollide, step.NameLocation, first, step.Name, name, step.ClusterName));
                    emittable = false;
                }
                else
                {
                    clusterNames.Add(step.ClusterName, step.Name);
                }
            }
            if (steps.Count == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptyPipeline, classLocation, name));
                emittable = false;
            }

            var root = declaration.SyntaxTree.GetCompilationUnitRoot(cancellationToken);
            return new PipelineModel(
                name,
                type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString(),
                type.Name,
                type.MetadataName,
                Usings(root.Usings),
                Usings(declaration.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse().SelectMany(n => n.Usings)),
                classLocation,
                steps.ToEquatableArray(),
                emittable,
                diagnostics.ToEquatableArray());
        }

        private static StepModel ParseStep(
            IPropertySymbol property, ComponentShape component, Dictionary<string, ComponentShape> steps, string pipelineName,
            List<DiagnosticInfo> diagnostics, ref bool emittable, CancellationToken cancellationToken)
        {
            var syntax = (PropertyDeclarationSyntax)property.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            var nameLocation = LocationInfo.From(syntax.Identifier);
            var wiring = new (string Step, string Port, LocationInfo Location)?[component.Inputs.Count];
            var assignments = new List<ParameterAssignment>();
            if (!component.HasGlue) emittable = false;

            var creation = ObjectCreation(syntax);
            if (creation is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.StepNotObjectCreation, nameLocation, property.Name));
                emittable = false;
            }
            else
            {
                foreach (var assignment in creation.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>() ?? [])
                {
                    // An initializer's left side names a member of the created type; anything the compiler cannot
                    // bind is its own error, so it is skipped here.
                    if (assignment.Left is not IdentifierNameSyntax { Identifier.ValueText: var member }
                        || !component.Members.TryGetValue(member, out var kind)) continue;
                    switch (kind)
                    {
                        case ComponentShape.MemberKind.Output:
                            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OutputAssignedInPipeline, LocationInfo.From(assignment), member, property.Name));
                            emittable = false;
                            break;
                        case ComponentShape.MemberKind.Input:
                            if (StepOutput(assignment.Right, steps) is { } source)
                            {
                                wiring[component.IndexOfInput(member)] = (source.Step, source.Port, LocationInfo.From(assignment.Right));
                            }
                            else
                            {
                                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InputNotWiredToStepOutput, LocationInfo.From(assignment.Right),
                                    member, property.Name, pipelineName, assignment.Right.ToString()));
                                emittable = false;
                            }
                            break;
                        case ComponentShape.MemberKind.Parameter:
                            assignments.Add(new ParameterAssignment(member, assignment.Right.ToString()));
                            break;
                        default:
                            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotPortOrParameter, LocationInfo.From(assignment),
                                property.Name, member, component.Name));
                            emittable = false;
                            break;
                    }
                }
            }

            var inputs = new List<InputWiring>();
            for (var i = 0; i < component.Inputs.Count; i++)
            {
                var port = component.Inputs[i];
                if (wiring[i] is var (step, output, location))
                {
                    inputs.Add(new InputWiring(port, step, output, location));
                    continue;
                }
                // A 'required' input left unwired is the C# compiler's own CS9035; report only what it cannot see.
                if (creation is not null && !port.IsOptional && !port.IsRequired)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RequiredInputNotWired, LocationInfo.From(creation), port.Name, property.Name));
                    emittable = false;
                }
                inputs.Add(new InputWiring(port, null, null, null));
            }

            return new StepModel(
                property.Name,
                ClusterNames.FromIdentifier(property.Name),
                component.FullyQualifiedName,
                component.IsSink || ComponentSymbols.Has(property, KnownNames.SinkAttribute),
                nameLocation,
                inputs.ToEquatableArray(),
                component.Outputs,
                assignments.ToEquatableArray());
        }

        /// <summary>The step's <c>new() { ... }</c>: an expression body, or a getter that only returns it.</summary>
        private static BaseObjectCreationExpressionSyntax? ObjectCreation(PropertyDeclarationSyntax property)
        {
            var getter = property.AccessorList?.Accessors.FirstOrDefault(a => a.IsKind(SyntaxKind.GetAccessorDeclaration));
            var expression = property.ExpressionBody?.Expression
                ?? getter?.ExpressionBody?.Expression
                ?? (getter?.Body?.Statements is [ReturnStatementSyntax { Expression: { } returned }] ? returned : null);
            return expression is ParenthesizedExpressionSyntax parenthesized
                ? parenthesized.Expression as BaseObjectCreationExpressionSyntax
                : expression as BaseObjectCreationExpressionSyntax;
        }

        /// <summary>
        /// Resolves <c>Step.Output</c> (or <c>this.Step.Output</c>) to a step and port of this pipeline, by name: in a
        /// step's initializer a simple name can only mean a member of the pipeline, and a step is a property of it.
        /// </summary>
        private static (string Step, string Port)? StepOutput(ExpressionSyntax value, Dictionary<string, ComponentShape> steps)
        {
            while (value is ParenthesizedExpressionSyntax parenthesized) value = parenthesized.Expression;
            if (value is not MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax port } access) return null;
            var step = access.Expression switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax identifier } => identifier.Identifier.ValueText,
                _ => null,
            };
            return step is not null && steps.TryGetValue(step, out var shape) && shape.HasOutput(port.Identifier.ValueText)
                ? (step, port.Identifier.ValueText)
                : null;
        }

        private static EquatableArray<string> Usings(IEnumerable<UsingDirectiveSyntax> usings) =>
            usings.Where(u => u.GlobalKeyword.IsKind(SyntaxKind.None))
                .Select(u => u.WithoutTrivia().ToFullString())
                .ToEquatableArray();
    }
}
