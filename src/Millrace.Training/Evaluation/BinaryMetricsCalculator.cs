namespace Millrace.Training;

/// <summary>Computes <see cref="BinaryMetrics"/>: one sort for the ranking metrics, one pass for the rest.</summary>
public static class BinaryMetricsCalculator
{
    /// <summary>The metrics of probabilities of class 1 against 0/1 labels.</summary>
    /// <exception cref="TrainingDataException">The spans differ in length or are empty.</exception>
    public static BinaryMetrics Compute(ReadOnlySpan<float> labels, ReadOnlySpan<float> probabilities, double threshold = 0.5, int calibrationBins = 10)
    {
        if (labels.Length != probabilities.Length) throw new TrainingDataException($"{labels.Length} labels but {probabilities.Length} predictions.");
        if (labels.Length == 0) throw new TrainingDataException("There are no examples to compute metrics on.");
        int n = labels.Length;
        long tp = 0, fp = 0, tn = 0, fn = 0;
        double logLoss = 0;
        var binCount = new long[calibrationBins];
        var binPredicted = new double[calibrationBins];
        var binPositive = new double[calibrationBins];
        for (int i = 0; i < n; i++)
        {
            bool positive = labels[i] >= 0.5f;
            double p = probabilities[i];
            bool predicted = p >= threshold;
            if (positive) { if (predicted) tp++; else fn++; }
            else { if (predicted) fp++; else tn++; }
            double clipped = Math.Clamp(p, 1e-15, 1 - 1e-15);
            logLoss -= positive ? Math.Log(clipped) : Math.Log(1 - clipped);
            int bin = Math.Clamp((int)(p * calibrationBins), 0, calibrationBins - 1);
            binCount[bin]++;
            binPredicted[bin] += p;
            if (positive) binPositive[bin]++;
        }
        double precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        var calibration = new CalibrationBin[calibrationBins];
        double ece = 0;
        for (int b = 0; b < calibrationBins; b++)
        {
            double mean = binCount[b] == 0 ? double.NaN : binPredicted[b] / binCount[b];
            double rate = binCount[b] == 0 ? double.NaN : binPositive[b] / binCount[b];
            calibration[b] = new CalibrationBin((double)b / calibrationBins, (double)(b + 1) / calibrationBins, binCount[b], mean, rate);
            if (binCount[b] > 0) ece += (double)binCount[b] / n * Math.Abs(mean - rate);
        }
        var (auc, averagePrecision) = Ranking(labels, probabilities);
        return new BinaryMetrics
        {
            Count = n, Accuracy = (double)(tp + tn) / n, RocAuc = auc, PrAuc = averagePrecision, LogLoss = logLoss / n,
            Precision = precision, Recall = recall, F1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall),
            ConfusionMatrix = new long[,] { { tn, fp }, { fn, tp } }, Calibration = calibration, ExpectedCalibrationError = ece,
        };
    }

    /// <summary>ROC AUC and average precision from one descending sort, groups of tied scores taken together.</summary>
    private static (double Auc, double AveragePrecision) Ranking(ReadOnlySpan<float> labels, ReadOnlySpan<float> scores)
    {
        int n = labels.Length;
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        var keys = scores.ToArray();
        Array.Sort(keys, order);
        long positives = 0;
        for (int i = 0; i < n; i++) if (labels[i] >= 0.5f) positives++;
        long negatives = n - positives;
        double aucSum = 0, ap = 0, previousRecall = 0;
        long truePositives = 0, falsePositives = 0;
        for (int end = n; end > 0;)
        {
            int start = end - 1;
            while (start > 0 && keys[start - 1] == keys[end - 1]) start--;
            long groupPositives = 0, groupNegatives = 0;
            for (int j = start; j < end; j++) { if (labels[order[j]] >= 0.5f) groupPositives++; else groupNegatives++; }
            // The walk goes from the highest score down: this group's positives outrank every negative not reached
            // yet (lower scores), and a tie with a negative of the same group counts one half.
            aucSum += groupPositives * (negatives - falsePositives - groupNegatives) + 0.5 * groupPositives * groupNegatives;
            truePositives += groupPositives;
            falsePositives += groupNegatives;
            if (positives > 0)
            {
                double recall = (double)truePositives / positives;
                ap += (recall - previousRecall) * truePositives / (truePositives + falsePositives);
                previousRecall = recall;
            }
            end = start;
        }
        double auc = positives == 0 || negatives == 0 ? double.NaN : aucSum / ((double)positives * negatives);
        return (auc, positives == 0 ? double.NaN : ap);
    }
}
