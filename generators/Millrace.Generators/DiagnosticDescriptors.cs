using Microsoft.CodeAnalysis;

namespace Millrace.Generators;

/// <summary>
/// Every diagnostic the generator reports. IDs are fixed forever; each has a page at docs/diagnostics/MRxxxx.md and
/// a line in AnalyzerReleases.*.md. Messages name the things involved, so that the error reads on its own.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Millrace";
    private const string HelpRoot = "https://github.com/millrace/millrace/blob/main/docs/diagnostics/";

    public static readonly DiagnosticDescriptor Cycle = Error("MR0001",
        "Pipeline steps form a cycle",
        "Pipeline '{0}' has a cycle: {1}");

    public static readonly DiagnosticDescriptor InputNotWiredToStepOutput = Error("MR0002",
        "Input must be wired to another step's output",
        "Input '{0}' of step '{1}' must be wired to an output of another step of pipeline '{2}', written 'Step.Output'; '{3}' is not");

    public static readonly DiagnosticDescriptor OutputAssignedInPipeline = Error("MR0003",
        "Output assigned in a pipeline",
        "Output '{0}' of step '{1}' is assigned in the pipeline; outputs are created by the runtime and only read to wire other steps");

    public static readonly DiagnosticDescriptor RequiredInputNotWired = Error("MR0004",
        "Required input not wired",
        "Input '{0}' of step '{1}' is not optional but is not wired; wire it to another step's output or declare it [Input(Optional = true)]");

    public static readonly DiagnosticDescriptor ComponentNotPartial = Error("MR0005",
        "Component must be partial",
        "Component '{0}' must be declared partial so that its descriptor and glue can be generated");

    public static readonly DiagnosticDescriptor InvalidExecuteAsync = Error("MR0006",
        "Component needs ExecuteAsync(ComponentContext, CancellationToken)",
        "Component '{0}' {1}; declare 'public ValueTask ExecuteAsync(ComponentContext context, CancellationToken cancellationToken)'");

    public static readonly DiagnosticDescriptor InvalidPort = Error("MR0007",
        "Invalid port",
        "{0} '{1}' of component '{2}' {3}");

    public static readonly DiagnosticDescriptor UnserializableParameter = Error("MR0008",
        "Parameter type cannot be serialized",
        "Parameter '{0}' of component '{1}' has type '{2}', which cannot be encoded canonically{3}; use primitives, string, enums, TimeSpan, DateTimeOffset, arrays of those or records made of those");

    public static readonly DiagnosticDescriptor StepNamesCollide = Error("MR0009",
        "Step names collide on a cluster",
        "Steps '{0}' and '{1}' of pipeline '{2}' both become '{3}' as cluster names; rename one");

    public static readonly DiagnosticDescriptor InvalidStepName = Error("MR0010",
        "Step name is not cluster-safe",
        "Step '{0}' becomes '{1}' as a cluster name, which is not a DNS-1123 label (lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)");

    public static readonly DiagnosticDescriptor EmptyPipeline = Error("MR0011",
        "Pipeline has no steps",
        "Pipeline '{0}' has no steps; add a property whose type is a [Component], for example 'public CsvExampleGen ExampleGen => new() {{ ... }};'");

    public static readonly DiagnosticDescriptor InvalidPipelineName = Error("MR0012",
        "Pipeline name is not cluster-safe",
        "Pipeline name '{0}' is not a DNS-1123 label (lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)");

    public static readonly DiagnosticDescriptor UnconsumedStep = new("MR0013",
        "Step outputs are not consumed",
        "No step consumes the outputs of step '{0}'; wire them, or mark the step [Sink] if it runs for its side effects",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpRoot + "MR0013.md");

    public static readonly DiagnosticDescriptor StepNotObjectCreation = Error("MR0014",
        "Step must be an object creation",
        "Step '{0}' must be declared as an object creation, '=> new() {{ ... }}', so that its wiring can be checked at compile time");

    public static readonly DiagnosticDescriptor NotPortOrParameter = Error("MR0015",
        "Assigned member is not a port or parameter",
        "Step '{0}' assigns '{1}', which is neither an [Input] nor a [Parameter] of component '{2}'; values that change a component's behaviour must be parameters so that they key the cache");

    public static readonly DiagnosticDescriptor PipelineNotPartial = Error("MR0016",
        "Pipeline must be partial",
        "Pipeline class '{0}' must be declared partial so that its graph can be generated");

    public static readonly DiagnosticDescriptor NestedOrGenericType = Error("MR0017",
        "Component or pipeline must be a top-level class",
        "'{0}' must be a top-level class{1}; the generated code extends it with a partial declaration");

    public static readonly DiagnosticDescriptor ReservedMemberName = Error("MR0018",
        "Member name is reserved",
        "Pipeline '{0}' declares a member named '{1}', which the generated code uses for the pipeline's graph; rename it");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + id + ".md");
}
