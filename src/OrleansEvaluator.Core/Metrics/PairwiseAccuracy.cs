using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Metrics;

/// <summary>
/// Pairwise accuracy in the RewardBench convention: win 1, loss 0, no verdict 0.5 (<see cref="EvaluationResult.Score"/>).
/// The half point keeps a judge that fails to answer at chance instead of punishing it below chance.
/// </summary>
public static class PairwiseAccuracy
{
    /// <summary>Mean score of the rows; null when there are none, because an empty set has no accuracy (0 would read as a result).</summary>
    public static double? Of(IEnumerable<EvaluationResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return MeanOrNull(results.Select(r => r.Score));
    }

    /// <summary>Mean score of majority-voted verdicts; null when there are none.</summary>
    public static double? Of(IEnumerable<MajorityVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        return MeanOrNull(verdicts.Select(v => v.Score));
    }

    /// <summary>
    /// Accuracy per <see cref="EvaluationResult.Subset"/>, the input of <see cref="RewardBenchScores.Compute"/>. Every row
    /// counts once, so pass one row per example (RewardBench judges each example once, in one random order).
    /// </summary>
    public static IReadOnlyDictionary<string, double> BySubset(IEnumerable<EvaluationResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results
            .GroupBy(r => r.Subset, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Average(r => r.Score), StringComparer.Ordinal)
            .AsReadOnly();
    }

    /// <summary>Accuracy per subset of majority-voted verdicts, one per item and order.</summary>
    public static IReadOnlyDictionary<string, double> BySubset(IEnumerable<MajorityVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        return verdicts
            .GroupBy(v => v.Subset, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Average(v => v.Score), StringComparer.Ordinal)
            .AsReadOnly();
    }

    private static double? MeanOrNull(IEnumerable<double> scores)
    {
        var (sum, count) = scores.Aggregate((Sum: 0.0, Count: 0), (acc, s) => (acc.Sum + s, acc.Count + 1));
        return count == 0 ? null : sum / count;
    }
}
