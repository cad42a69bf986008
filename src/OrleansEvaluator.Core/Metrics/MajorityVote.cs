using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Metrics;

/// <summary>Majority vote over K samples per item and order (paper: 32 samples at temperature 0.7).</summary>
public static class MajorityVote
{
    /// <summary>
    /// One <see cref="MajorityVerdict"/> per (benchmark, item, order), sorted by those keys so the output does not depend
    /// on the order samples finished in. The tie-break is documented on <see cref="MajorityVerdict.Verdict"/>.
    /// </summary>
    public static IReadOnlyList<MajorityVerdict> Of(IEnumerable<EvaluationResult> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return samples
            .GroupBy(s => (s.Benchmark, s.ItemId, s.Order))
            .Select(g => new MajorityVerdict(
                g.Key.Benchmark,
                g.Key.ItemId,
                g.First().Subset,
                g.Key.Order,
                g.Count(s => s.Verdict == Verdict.A),
                g.Count(s => s.Verdict == Verdict.B),
                g.Count(s => s.Verdict is null)))
            .OrderBy(v => v.Benchmark, StringComparer.Ordinal)
            .ThenBy(v => v.ItemId, StringComparer.Ordinal)
            .ThenBy(v => v.Order)
            .ToList();
    }
}
