namespace Millrace.Training;

/// <summary>The shape of a tabular network.</summary>
public enum ModelKind
{
    /// <summary>Logistic, softmax or linear regression: one linear layer over the dense input and a learned weight per category.</summary>
    Linear,

    /// <summary>A multi-layer perceptron over the dense input and the categorical embeddings.</summary>
    Mlp,

    /// <summary>The sum of the linear part (wide) and the perceptron (deep).</summary>
    WideAndDeep,
}
