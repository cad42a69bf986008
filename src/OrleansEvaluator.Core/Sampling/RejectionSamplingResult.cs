using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Sampling;

/// <summary>What rejection sampling kept and why the rest went.</summary>
/// <param name="Accepted">One correct sample per kept pair (or pair and order), ordered by pair id.</param>
/// <param name="Drops">Pairs (or pairs and orders) dropped, by reason (every reason present, zero when none).</param>
/// <param name="Pairs">Pairs seen (pairs and orders with <see cref="RejectionSamplingOptions.PerOrder"/>).</param>
/// <param name="Samples">Samples seen (all of them stay in the judgment artifact as DPO negatives and for metrics).</param>
/// <param name="CorrectSamples">Samples whose verdict picked the better answer.</param>
/// <param name="UnparseableSamples">Samples without a verdict.</param>
public sealed record RejectionSamplingResult(
    IReadOnlyList<JudgmentSample> Accepted,
    IReadOnlyDictionary<DropReason, int> Drops,
    int Pairs,
    int Samples,
    int CorrectSamples,
    int UnparseableSamples)
{
    /// <summary>Kept judgments whose verdict is A.</summary>
    public int AcceptedA => Accepted.Count(s => s.Verdict == Verdict.A);

    /// <summary>Kept judgments whose verdict is B.</summary>
    public int AcceptedB => Accepted.Count(s => s.Verdict == Verdict.B);

    /// <summary>Kept pairs ÷ pairs seen.</summary>
    public double AcceptanceRate => Pairs == 0 ? 0 : (double)Accepted.Count / Pairs;
}
