namespace Millrace.Generators;

/// <summary>Names of the incremental pipeline's steps, for <c>WithTrackingName</c> and the caching tests.</summary>
internal static class TrackingNames
{
    public const string Components = nameof(Components);
    public const string ComponentSources = nameof(ComponentSources);
    public const string Pipelines = nameof(Pipelines);
    public const string PipelinePlans = nameof(PipelinePlans);
    public const string PipelineSources = nameof(PipelineSources);
}
