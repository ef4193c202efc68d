namespace Millrace.Training.Tests;

/// <summary>Slow, obvious definitions of the metrics, written independently of the library's single-sort versions.</summary>
internal static class MetricsReference
{
    /// <summary>The probability that a random positive scores above a random negative, ties counting one half, over every pair.</summary>
    public static double RocAuc(float[] labels, float[] scores)
    {
        double wins = 0, pairs = 0;
        for (int i = 0; i < labels.Length; i++)
            for (int j = 0; j < labels.Length; j++)
                if (labels[i] == 1 && labels[j] == 0)
                {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
        return wins / pairs;
    }

    /// <summary>Average precision: for each distinct threshold, descending, the recall gained times the precision there.</summary>
    public static double AveragePrecision(float[] labels, float[] scores)
    {
        double positives = labels.Count(l => l == 1), previousRecall = 0, sum = 0;
        foreach (var threshold in scores.Distinct().OrderByDescending(s => s))
        {
            int tp = 0, predicted = 0;
            for (int i = 0; i < labels.Length; i++)
                if (scores[i] >= threshold) { predicted++; if (labels[i] == 1) tp++; }
            double recall = tp / positives;
            sum += (recall - previousRecall) * tp / predicted;
            previousRecall = recall;
        }
        return sum;
    }

    public static (float[] Labels, float[] Scores) RandomBinary(int seed, int count, bool coarse)
    {
        var random = new Random(seed);
        var labels = new float[count];
        var scores = new float[count];
        for (int i = 0; i < count; i++)
        {
            labels[i] = random.NextDouble() < 0.3 ? 1 : 0;
            double score = Math.Clamp(0.5 * random.NextDouble() + 0.4 * labels[i], 0, 1);
            // Coarse scores repeat, to test ties.
            scores[i] = coarse ? MathF.Round((float)score, 1) : (float)score;
        }
        return (labels, scores);
    }
}
