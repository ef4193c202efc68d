using Millrace.Compute;
using Millrace.Compute.IO;

namespace Millrace.Training;

/// <summary>
/// The full-pass analyzers: one pass over the training split per statistic a feature needs (moments, quantiles,
/// value counts) on the kernels of Millrace.Compute, giving the constants of a <see cref="FittedTransform"/>.
/// </summary>
public sealed class TransformAnalyzer(IColumnKernels kernels)
{
    /// <summary>Analyzers on the SIMD CPU kernels.</summary>
    public TransformAnalyzer() : this(SimdColumnKernels.Instance) { }

    /// <summary>Fits every feature of <paramref name="features"/> on <paramref name="train"/>.</summary>
    /// <exception cref="TrainingDataException">The split is empty, a feature names a column it lacks or reads the label, or a column has the wrong type.</exception>
    public FittedTransform Fit(FeatureSet features, ColumnarTable train, string split = "train") => Fit(features, RawTable.From(train), split);

    /// <summary>Fits every feature of <paramref name="features"/> on <paramref name="train"/>.</summary>
    /// <exception cref="TrainingDataException">The split is empty, a feature names a column it lacks or reads the label, or a column has the wrong type.</exception>
    public FittedTransform Fit(FeatureSet features, RawTable train, string split = "train")
    {
        if (train.RowCount == 0) throw new TrainingDataException($"Split '{split}' is empty: there is nothing to fit the transform on.");
        var inputs = features.InputColumns.ToArray();
        var columns = inputs.Select(train.Find).ToArray();
        foreach (var feature in features.Features)
            foreach (var name in feature.Columns)
            {
                if (name == features.Label.Column)
                    throw new TrainingDataException($"Feature '{feature.Name}' reads the label column '{name}'; a model must not see its label.");
                if (columns[Array.IndexOf(inputs, name)] is null)
                    throw new TrainingDataException($"Feature '{feature.Name}' reads column '{name}', which split '{split}' does not have; its columns are {train.ColumnList}.");
            }

        var fitted = new List<FittedFeature>(features.Features.Count);
        int dense = 0, slot = 0;
        foreach (var feature in features.Features)
        {
            int[] indices = feature.Columns.Select(c => Array.IndexOf(inputs, c)).ToArray();
            var first = columns[indices[0]]!;
            switch (feature)
            {
                case NumericFeature numeric:
                    fitted.Add(FitNumeric(numeric, RequireNumbers(feature, first), indices, dense++));
                    break;
                case CategoricalFeature categorical:
                    var result = FitCategorical(categorical, first, indices, dense, slot);
                    if (result.Encoding == CategoricalEncoding.OneHot) dense += result.Cardinality;
                    else slot++;
                    fitted.Add(result);
                    break;
            }
        }
        return new FittedTransform { Label = features.Label, InputColumns = inputs, Features = [.. fitted], DenseWidth = dense };
    }

    private FittedNumeric FitNumeric(NumericFeature spec, double[] values, int[] inputs, int offset)
    {
        double fill = spec.Imputation switch
        {
            Imputation.Mean => kernels.Moments(values).Mean,
            Imputation.Median => kernels.Quantiles(values).Median,
            Imputation.Constant => spec.ImputeConstant,
            _ => double.NaN,
        };
        double low = spec.ClipLow ?? double.NegativeInfinity, high = spec.ClipHigh ?? double.PositiveInfinity;
        var staged = new double[values.Length];
        for (int i = 0; i < staged.Length; i++) staged[i] = FittedNumeric.Prescale(values[i], fill, spec.Log, low, high);
        var moments = kernels.Moments(staged);
        (double shift, double scale) = spec.Scaling switch
        {
            Scaling.ZScore => (moments.Mean, moments.StandardDeviation),
            Scaling.MinMax => (moments.Min, moments.Max - moments.Min),
            _ => (0.0, 1.0),
        };
        // A constant column scales by 1, and a column with no value at all is left unshifted.
        if (!double.IsFinite(shift)) shift = 0;
        if (!double.IsFinite(scale) || scale == 0) scale = 1;
        return new FittedNumeric
        {
            Name = spec.Name, Inputs = inputs, DenseOffset = offset, CategoricalSlot = -1,
            Fill = fill, Log = spec.Log, ClipLow = low, ClipHigh = high, Shift = shift, Scale = scale,
        };
    }

    private FittedCategorical FitCategorical(CategoricalFeature spec, RawColumn first, int[] inputs, int dense, int slot)
    {
        string[] vocabulary = [];
        double[] boundaries = [];
        if (spec.Kind == CategoricalKind.Vocabulary)
        {
            var sketch = first.Codes is { } codes ? kernels.Strings(codes, first.Dictionary!) : SketchOfNumbers(first);
            vocabulary = sketch.TopK(spec.Size).Select(v => v.Value).ToArray();
        }
        else if (spec.Kind == CategoricalKind.Bucketize)
        {
            var quantiles = kernels.Quantiles(RequireNumbers(spec, first));
            var fractions = Enumerable.Range(1, spec.Size - 1).Select(i => (double)i / spec.Size).ToArray();
            boundaries = quantiles.Count == 0 ? [] : quantiles.Quantiles(fractions).Distinct().Order().ToArray();
        }
        bool oneHot = spec.Encoding == CategoricalEncoding.OneHot;
        return new FittedCategorical
        {
            Name = spec.Name, Inputs = inputs, DenseOffset = oneHot ? dense : -1, CategoricalSlot = oneHot ? -1 : slot,
            Kind = spec.Kind, Vocabulary = vocabulary, Boundaries = boundaries,
            Buckets = spec.Kind == CategoricalKind.Vocabulary ? spec.OovBuckets : spec.Size,
            Encoding = spec.Encoding, EmbeddingDimension = spec.EmbeddingDimension,
        };
    }

    /// <summary>Counts the values of a numeric column by their text form, the form a vocabulary keys on.</summary>
    private static StringSketch SketchOfNumbers(RawColumn column)
    {
        var sketch = new StringSketch();
        foreach (double value in column.Numbers!)
        {
            var text = RawRows.TextOf(value);
            if (text is null) sketch.AddMissing();
            else sketch.Add(text);
        }
        return sketch;
    }

    private static double[] RequireNumbers(FeatureSpec feature, RawColumn column) => column.Numbers
        ?? throw new TrainingDataException($"Feature '{feature.Name}' needs numbers, but column '{column.Name}' holds strings; use a vocabulary or a hash for it.");
}
