namespace Millrace.Training;

/// <summary>How a categorical feature's index reaches the model.</summary>
public enum CategoricalEncoding
{
    /// <summary>As a one-hot block of the dense input, one column per index.</summary>
    OneHot,

    /// <summary>As an index into a learned embedding table.</summary>
    Embedding,
}
