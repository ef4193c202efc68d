using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Millrace.Generators.Model;

namespace Millrace.Generators;

/// <summary>
/// The Millrace source generator. For each <c>[Component]</c> class it emits a descriptor, the canonical encoding
/// of its parameters and its port accessors; for each <c>[Pipeline]</c> class it checks the wiring and emits the
/// graph and the typed glue that builds each step. Wiring mistakes are reported as MR diagnostics.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class MillraceGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var components = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.ComponentAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (syntax, cancellationToken) => ComponentParser.Parse(syntax, cancellationToken))
            .WithTrackingName(TrackingNames.Components);

        var componentModels = components
            .Select(static (result, _) => result.Model!)
            .Where(static model => model is not null)
            .WithTrackingName(TrackingNames.ComponentSources);
        context.RegisterSourceOutput(componentModels, static (output, model) =>
            output.AddSource(ComponentEmitter.HintName(model), ComponentEmitter.Emit(model)));

        var plans = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.PipelineAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (syntax, cancellationToken) => PipelineParser.Parse(syntax, cancellationToken))
            .WithTrackingName(TrackingNames.Pipelines)
            .Select(static (model, _) => PipelineAnalysis.Analyze(model))
            .WithTrackingName(TrackingNames.PipelinePlans);

        var emittablePlans = plans
            .Where(static plan => plan.IsEmittable)
            .WithTrackingName(TrackingNames.PipelineSources);
        context.RegisterSourceOutput(emittablePlans, static (output, plan) =>
            output.AddSource(PipelineEmitter.HintName(plan), PipelineEmitter.Emit(plan)));

        // Diagnostics have their own outputs. They are recreated in the compilation's trees (not carried as trees in
        // the models), so that '#pragma warning disable' and editorconfig severities apply to them.
        ReportDiagnostics(context, components.Select(static (result, _) => result.Diagnostics));
        ReportDiagnostics(context, plans.Select(static (plan, _) => plan.Diagnostics));
    }

    private static void ReportDiagnostics(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics)
    {
        var withCompilation = diagnostics
            .Where(static list => list.Count > 0)
            .Combine(context.CompilationProvider);
        context.RegisterSourceOutput(withCompilation, static (output, pair) =>
        {
            foreach (var diagnostic in pair.Left) output.ReportDiagnostic(diagnostic.ToDiagnostic(pair.Right));
        });
    }
}
