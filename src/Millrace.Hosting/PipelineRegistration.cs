namespace Millrace.Hosting;

/// <summary>A pipeline type registered with <see cref="MillraceBuilder.AddPipeline{TPipeline}"/>.</summary>
/// <param name="PipelineType">The generated pipeline class, registered as a transient service.</param>
internal sealed record PipelineRegistration(Type PipelineType);
