namespace Millrace.Components.Validation;

/// <summary>What kind of problem an <see cref="Anomaly"/> is.</summary>
public enum AnomalyKind
{
    /// <summary>A feature of the schema is not in the data.</summary>
    MissingColumn,

    /// <summary>The data has a feature the schema does not know.</summary>
    NewColumn,

    /// <summary>A feature's type differs from the schema's.</summary>
    TypeMismatch,

    /// <summary>A numeric feature has values below the schema's min or above its max.</summary>
    OutOfRange,

    /// <summary>A string feature has values outside the schema's domain.</summary>
    UnexpectedValue,

    /// <summary>A float feature has NaN values where the schema does not allow them.</summary>
    NaNNotAllowed,

    /// <summary>A feature is present in fewer rows than the schema's minimum.</summary>
    LowPresence,

    /// <summary>A feature's distribution moved between two splits, or between training and serving data, beyond the schema's skew threshold.</summary>
    Skew,

    /// <summary>A feature's distribution moved between this span and the previous one beyond the schema's drift threshold.</summary>
    Drift,
}
