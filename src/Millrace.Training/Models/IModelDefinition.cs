namespace Millrace.Training;

/// <summary>
/// User code that declares a model, plugged into <c>Trainer&lt;TModel&gt;</c> as a generic type argument: checked
/// by the compiler, and its assembly versions the cache key.
/// </summary>
public interface IModelDefinition
{
    /// <summary>The network's shape.</summary>
    static abstract ModelArchitecture Architecture { get; }

    /// <summary>How it is trained, unless a tuner's hyper-parameters override it.</summary>
    static abstract TrainerOptions Options { get; }
}
