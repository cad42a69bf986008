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
        // Each row is a vote of one: the same metrics as voted verdicts, and two rows of one item and order still refuse
        // to be paired for consistency.
        return Build(benchmark, items, [.. results.Select(r => new MajorityVerdict(r.Benchmark, r.ItemId, r.Subset, r.Order,
            r.Verdict == Verdict.A ? 1 : 0, r.Verdict == Verdict.B ? 1 : 0, r.Verdict is null ? 1 : 0))], artifact);
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
        return Build(benchmark, items, MajorityVote.Of(results), artifact);
    }

    /// <summary>
    /// <see cref="Score"/> for one judgment per item and order, <see cref="ScoreMajority"/> for several: how runs and
    /// <c>oeval eval</c> score their rows.
    /// </summary>
    /// <param name="benchmark">The benchmark's name.</param>
    /// <param name="items">Items judged (ties excluded).</param>
    /// <param name="results">The rows.</param>
    /// <param name="artifact">Where the rows are kept (an artifact id or a file).</param>
    /// <param name="samples">Judgments per item and order the rows were made with.</param>
    public static BenchmarkScore Of(string benchmark, int items, IReadOnlyList<EvaluationResult> results, string artifact, int samples) =>
        samples > 1 ? ScoreMajority(benchmark, items, results, artifact) : Score(benchmark, items, results, artifact);

    private static BenchmarkScore Build(string benchmark, int items, IReadOnlyList<MajorityVerdict> votes, string artifact)
    {
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
