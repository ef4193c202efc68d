namespace Millrace.Generators.Model;

/// <summary>A pipeline class as parsed: its steps and their wiring, before the graph is analysed.</summary>
/// <param name="Name">The cluster-safe name from <c>[Pipeline("...")]</c>.</param>
/// <param name="ClassName">The pipeline class's name.</param>
/// <param name="Usings">The file's using directives, copied so that parameter expressions bind alike.</param>
/// <param name="NamespaceUsings">Using directives inside the pipeline's namespace declaration.</param>
/// <param name="IsEmittable">False when an error already makes the generated file pointless.</param>
internal sealed record PipelineModel(
    string Name,
    string Namespace,
    string ClassName,
    string MetadataName,
    EquatableArray<string> Usings,
    EquatableArray<string> NamespaceUsings,
    LocationInfo ClassLocation,
    EquatableArray<StepModel> Steps,
    bool IsEmittable,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>One step: a property of the pipeline whose type is a component.</summary>
/// <param name="ComponentType">The component's closed type, fully qualified with <c>global::</c>.</param>
/// <param name="Inputs">The component's input ports in descriptor order, with what each is wired to.</param>
/// <param name="Outputs">The component's output ports in descriptor order.</param>
/// <param name="Assignments">Parameter assignments copied from the step's object initializer.</param>
internal sealed record StepModel(
    string Name,
    string ClusterName,
    string ComponentType,
    bool IsSink,
    LocationInfo NameLocation,
    EquatableArray<InputWiring> Inputs,
    EquatableArray<PortModel> Outputs,
    EquatableArray<ParameterAssignment> Assignments);

/// <summary>An input port and the output it is wired to, if any.</summary>
/// <param name="SourceStep">The producing step's name, or null when unwired.</param>
/// <param name="SourcePort">The producing output port's name, or null when unwired.</param>
/// <param name="Location">Where the wiring is written (the assignment's value), for diagnostics on this edge.</param>
internal sealed record InputWiring(PortModel Port, string? SourceStep, string? SourcePort, LocationInfo? Location);

/// <summary>A parameter set in the pipeline: <c>Epochs = 20</c>.</summary>
internal sealed record ParameterAssignment(string Member, string Expression);
