namespace Millrace.Training;

/// <summary>Rows as the model takes them: a row-major dense block and a row-major block of categorical indices.</summary>
/// <param name="RowCount">How many rows.</param>
/// <param name="DenseWidth">Dense values per row.</param>
/// <param name="Dense">RowCount × DenseWidth values.</param>
/// <param name="CategoricalWidth">Embedded categorical indices per row.</param>
/// <param name="Categorical">RowCount × CategoricalWidth indices.</param>
public sealed record TransformedBatch(int RowCount, int DenseWidth, float[] Dense, int CategoricalWidth, long[] Categorical);
