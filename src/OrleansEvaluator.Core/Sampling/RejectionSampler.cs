using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Sampling;

/// <summary>
/// The Self-Taught Evaluator's filter: per pair, one correct judgment chosen at random (seeded by the run's seed
/// and the pair's id, so the choice does not depend on shards or processing order); optionally only pairs whose
/// samples are correct often enough; then A/B balance over the whole set. Nothing is lost: every drop is counted
/// by reason, and the samples themselves stay in their artifact.
/// </summary>
public static class RejectionSampler
{
    /// <summary>Selects the training judgments from all samples of one iteration.</summary>
    /// <exception cref="ArgumentException">Invalid options, or samples from more than one iteration.</exception>
    public static RejectionSamplingResult Select(IEnumerable<JudgmentSample> samples, RejectionSamplingOptions options)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is [var problem, ..])
            throw new ArgumentException(problem);
        var all = samples.ToList();
        if (all.Select(s => s.Iteration).Distinct().Count() > 1)
            throw new ArgumentException("Samples: rejection sampling works on one iteration at a time.");

        var drops = Enum.GetValues<DropReason>().ToDictionary(r => r, _ => 0);
        var kept = new List<JudgmentSample>();
        var pairs = all.GroupBy(s => Unit(s, options), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        foreach (var pair in pairs)
        {
            // A stable order first, so the seeded choice does not depend on how samples arrived.
            var ordered = pair.OrderBy(s => s.Order).ThenBy(s => s.SampleIndex).ToList();
            var correct = ordered.Where(s => s.IsCorrect).ToList();
            if (correct.Count == 0)
            {
                drops[DropReason.NoCorrectSample]++;
                continue;
            }
            if (options.MajorityThreshold is { } threshold && correct.Count < threshold * ordered.Count)
            {
                drops[DropReason.BelowMajority]++;
                continue;
            }
            kept.Add(correct[StableRandom.For(options.Seed, "pick|" + pair.Key).Next(correct.Count)]);
        }

        if (options.BalanceVerdicts)
        {
            var a = kept.Where(s => s.Verdict == Verdict.A).ToList();
            var b = kept.Where(s => s.Verdict == Verdict.B).ToList();
            var (larger, smaller) = a.Count > b.Count ? (a, b) : (b, a);
            var surplus = larger.OrderBy(s => StableRandom.Hash(options.Seed, "balance|" + Unit(s, options))).Skip(smaller.Count).ToHashSet();
            drops[DropReason.Balance] = surplus.Count;
            kept.RemoveAll(surplus.Contains);
        }

        return new RejectionSamplingResult(kept, drops, pairs.Count, all.Count,
            all.Count(s => s.IsCorrect), all.Count(s => s.Verdict is null));
    }

    // What one kept judgment stands for: a pair, or a pair in one presentation order. The per-pair key is the pair id
    // alone, so seeded choices stay what they were before per-order keeping existed.
    private static string Unit(JudgmentSample sample, RejectionSamplingOptions options) =>
        options.PerOrder ? sample.PairId + "|" + sample.Order.ToString() : sample.PairId;
}
