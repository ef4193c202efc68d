namespace Millrace.Training;

/// <summary>
/// User code that declares the features of a model, plugged into components as a generic type argument
/// (<c>Transform&lt;TaxiFeatures&gt;</c>): the compiler checks it, and its assembly versions the cache key.
/// </summary>
public interface IFeatureSpec
{
    /// <summary>The label and the features, in the order the transformed columns take.</summary>
    static abstract FeatureSet Features { get; }
}
