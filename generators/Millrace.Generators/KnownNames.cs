namespace Millrace.Generators;

/// <summary>Metadata names of the Millrace types the generator recognises.</summary>
internal static class KnownNames
{
    public const string ComponentAttribute = "Millrace.ComponentAttribute";
    public const string PipelineAttribute = "Millrace.PipelineAttribute";
    public const string InputAttribute = "Millrace.InputAttribute";
    public const string OutputAttribute = "Millrace.OutputAttribute";
    public const string ParameterAttribute = "Millrace.ParameterAttribute";
    public const string SinkAttribute = "Millrace.SinkAttribute";
    public const string Artifact = "Millrace.Artifact";
    public const string ComponentContext = "Millrace.ComponentContext";
    public const string ComponentInterface = "Millrace.IComponent";

    /// <summary>The generated static property on every pipeline; a user member of that name would collide.</summary>
    public const string GraphProperty = "Graph";
}
