namespace Millrace.Training;

/// <summary>How a numeric feature is scaled after imputation, log and clipping.</summary>
public enum Scaling
{
    /// <summary>Left as it is.</summary>
    None,

    /// <summary>(x − mean) / standard deviation over the training split.</summary>
    ZScore,

    /// <summary>(x − min) / (max − min) over the training split.</summary>
    MinMax,
}
