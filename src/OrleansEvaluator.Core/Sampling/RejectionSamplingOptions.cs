namespace OrleansEvaluator.Core.Sampling;

/// <summary>How judgments are kept.</summary>
public sealed record RejectionSamplingOptions
{
    /// <summary>The run's seed; every random choice derives from it and the pair's id.</summary>
    public ulong Seed { get; init; }

    /// <summary>Keep a pair only if at least this fraction of its samples are correct; null keeps any pair with one correct sample.</summary>
    public double? MajorityThreshold { get; init; }

    /// <summary>Keep as many A verdicts as B verdicts over the whole set (the larger side is cut at random).</summary>
    public bool BalanceVerdicts { get; init; } = true;

    /// <summary>
    /// Keep one correct judgment per pair and presentation order instead of one per pair: when both orders are judged,
    /// they are two different prompts, and keeping each doubles the distinct training examples at no judging cost.
    /// Counts (pairs seen, drops, acceptance) are then per pair and order.
    /// </summary>
    public bool PerOrder { get; init; }

    /// <summary>Every problem with the options, each naming its field.</summary>
    public IReadOnlyList<string> Validate() =>
        MajorityThreshold is { } t && (double.IsNaN(t) || t <= 0 || t > 1)
            ? [$"MajorityThreshold: must be in (0, 1] (got {t})."]
            : [];
}
