using OrleansEvaluator.Data;
using OrleansEvaluator.Runs;

namespace OrleansEvaluator.Core.Metrics;

/// <summary>
/// A judge's <see cref="BenchmarkScore"/> from its evaluation rows. Shared by the cluster's evaluation grain and the local
/// <c>oeval eval</c>, so both report the same numbers for the same rows.
/// </summary>
public static class BenchmarkScorer
{
    /// <summary>
    /// Scores rows of one judgment per item and order (greedy evaluation): accuracy over every row, position consistency
    /// when both orders were judged, accuracy per subset when there are several, and verdict counts over the rows.
    /// </summary>
    /// <param name="benchmark">The benchmark's name.</param>
    /// <param name="items">Items judged (ties excluded).</param>
    /// <param name="results">The rows; position consistency needs at most one per item and order.</param>
    /// <param name="artifact">Where the rows are kept (an artifact id or a file).</param>
    public static BenchmarkScore Score(string benchmark, int items, IReadOnlyList<EvaluationResult> results, string artifact)
    {
        ArgumentNullException.ThrowIfNull(results);
        var both = results.Select(r => r.Order).Distinct().Count() == 2;
        var consistency = both ? PositionConsistency.Of(results) : null;
        var subsets = results.Select(r => r.Subset).Distinct(StringComparer.Ordinal).Count() > 1
            ? PairwiseAccuracy.BySubset(results)
            : new Dictionary<string, double>();
        return new BenchmarkScore(benchmark, items, PairwiseAccuracy.Of(results), consistency?.ConsistentAccuracy, consistency?.FlipRate,
            results.Count(r => r.Verdict is null), results.Count(r => r.Verdict == Verdict.A), results.Count(r => r.Verdict == Verdict.B), artifact)
        {
            Subsets = subsets,
        };
    }

    /// <summary>
    /// Scores rows of K sampled judgments per item and order by their majority verdict (<see cref="MajorityVote"/>): every
    /// metric is over the voted verdicts, one per item and order, and an exact split counts as unparseable (0.5). The
    /// counts (<see cref="BenchmarkScore.ParseFailures"/>, A, B) are of voted verdicts too, so they add up to the rows
    /// the accuracy is the mean of. With one sample per item and order this equals <see cref="Score"/>.
    /// </summary>
    /// <param name="benchmark">The benchmark's name.</param>
    /// <param name="items">Items judged (ties excluded).</param>
    /// <param name="results">The rows, any number per item and order.</param>
    /// <param name="artifact">Where the rows are kept (an artifact id or a file).</param>
    public static BenchmarkScore ScoreMajority(string benchmark, int items, IReadOnlyList<EvaluationResult> results, string artifact)
    {
        ArgumentNullException.ThrowIfNull(results);
        var votes = MajorityVote.Of(results);
        var both = votes.Select(v => v.Order).Distinct().Count() == 2;
        var consistency = both ? PositionConsistency.Of(votes) : null;
        var subsets = votes.Select(v => v.Subset).Distinct(StringComparer.Ordinal).Count() > 1
            ? PairwiseAccuracy.BySubset(votes)
            : new Dictionary<string, double>();
        return new BenchmarkScore(benchmark, items, PairwiseAccuracy.Of(votes), consistency?.ConsistentAccuracy, consistency?.FlipRate,
            votes.Count(v => v.Verdict is null), votes.Count(v => v.Verdict == Verdict.A), votes.Count(v => v.Verdict == Verdict.B), artifact)
        {
            Subsets = subsets,
        };
    }
}
