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

            var stepProperties = type.GetMembers().OfType<IPropertySymbol>()
                .Where(p => !p.IsStatic && ComponentSymbols.IsComponent(p.Type))
                .ToList();
            var steps = new List<StepModel>();
            var clusterNames = new Dictionary<string, string>();
            foreach (var property in stepProperties)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var step = ParseStep(context.SemanticModel.Compilation, type, property, name, diagnostics, ref emittable, cancellationToken);
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
            Compilation compilation, INamedTypeSymbol pipeline, IPropertySymbol property, string pipelineName,
            List<DiagnosticInfo> diagnostics, ref bool emittable, CancellationToken cancellationToken)
        {
            var component = (INamedTypeSymbol)property.Type;
            var syntax = (PropertyDeclarationSyntax)property.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            var nameLocation = LocationInfo.From(syntax.Identifier);
            var inputPorts = ComponentSymbols.Inputs(component).ToList();
            var wiring = new (string Step, string Port, LocationInfo Location)?[inputPorts.Count];
            var assignments = new List<ParameterAssignment>();
            if (!ComponentSymbols.HasGlue(component)) emittable = false;

            var creation = ObjectCreation(syntax);
            if (creation is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.StepNotObjectCreation, nameLocation, property.Name));
                emittable = false;
            }
            else
            {
                var semanticModel = compilation.GetSemanticModel(syntax.SyntaxTree);
                foreach (var assignment in creation.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>() ?? [])
                {
                    if (semanticModel.GetSymbolInfo(assignment.Left, cancellationToken).Symbol is not { } member) continue;
                    if (ComponentSymbols.Has(member, KnownNames.OutputAttribute))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OutputAssignedInPipeline, LocationInfo.From(assignment), member.Name, property.Name));
                        emittable = false;
                    }
                    else if (ComponentSymbols.Has(member, KnownNames.InputAttribute))
                    {
                        var index = inputPorts.FindIndex(p => p.Name == member.Name);
                        var source = StepOutput(semanticModel, pipeline, assignment.Right, cancellationToken);
                        if (source is null)
                        {
                            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InputNotWiredToStepOutput, LocationInfo.From(assignment.Right),
                                member.Name, property.Name, pipelineName, assignment.Right.ToString()));
                            emittable = false;
                        }
                        else if (index >= 0)
                        {
                            wiring[index] = (source.Value.Step, source.Value.Port, LocationInfo.From(assignment.Right));
                        }
                    }
                    else if (ComponentSymbols.Has(member, KnownNames.ParameterAttribute))
                    {
                        assignments.Add(new ParameterAssignment(member.Name, assignment.Right.WithoutTrivia().ToFullString()));
                    }
                    else
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotPortOrParameter, LocationInfo.From(assignment),
                            property.Name, member.Name, component.Name));
                        emittable = false;
                    }
                }
            }

            var inputs = new List<InputWiring>();
            for (var i = 0; i < inputPorts.Count; i++)
            {
                var port = ComponentSymbols.ToInputPort(inputPorts[i]);
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
                ComponentSymbols.FullyQualified(component),
                ComponentSymbols.Has(property, KnownNames.SinkAttribute) || ComponentSymbols.IsSinkComponent(component),
                nameLocation,
                inputs.ToEquatableArray(),
                ComponentSymbols.Outputs(component).Select(ComponentSymbols.ToOutputPort).ToEquatableArray(),
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

        /// <summary>Resolves <c>Step.Output</c> (or <c>this.Step.Output</c>) to a step and port of this pipeline.</summary>
        private static (string Step, string Port)? StepOutput(SemanticModel semanticModel, INamedTypeSymbol pipeline, ExpressionSyntax value, CancellationToken cancellationToken)
        {
            while (value is ParenthesizedExpressionSyntax parenthesized) value = parenthesized.Expression;
            if (value is not MemberAccessExpressionSyntax { Expression: var target } access) return null;
            var isStepReference = target is IdentifierNameSyntax
                || target is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax };
            if (!isStepReference) return null;
            if (semanticModel.GetSymbolInfo(target, cancellationToken).Symbol is not IPropertySymbol step
                || !SymbolEqualityComparer.Default.Equals(step.ContainingType, pipeline)
                || step.IsStatic
                || !ComponentSymbols.IsComponent(step.Type)) return null;
            if (semanticModel.GetSymbolInfo(access, cancellationToken).Symbol is not IPropertySymbol port
                || !ComponentSymbols.Has(port, KnownNames.OutputAttribute)) return null;
            return (step.Name, port.Name);
        }

        private static EquatableArray<string> Usings(IEnumerable<UsingDirectiveSyntax> usings) =>
            usings.Where(u => u.GlobalKeyword.IsKind(SyntaxKind.None))
                .Select(u => u.WithoutTrivia().ToFullString())
                .ToEquatableArray();
    }
}
