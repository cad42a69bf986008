using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Metrics;

/// <summary>
/// The vote of K sampled judgments of one item shown in one order. Votes are counted per order because a letter names a
/// different response in each order.
/// </summary>
/// <param name="Benchmark">Benchmark of the item.</param>
/// <param name="ItemId">The item.</param>
/// <param name="Subset">Subset of the item.</param>
/// <param name="Order">The order all the votes were cast in.</param>
/// <param name="VotesA">Samples with verdict A.</param>
/// <param name="VotesB">Samples with verdict B.</param>
/// <param name="WithoutVerdict">Samples with no A/B verdict (unparseable or a tie marker); they do not vote.</param>
public sealed record MajorityVerdict(
    string Benchmark,
    string ItemId,
    string Subset,
    PresentationOrder Order,
    int VotesA,
    int VotesB,
    int WithoutVerdict)
{
    /// <summary>
    /// The more common of A and B; null on an exact split (including no votes at all). Breaking a split towards either
    /// letter would add a position preference the judge did not express, so a split scores 0.5 like a parse error.
    /// </summary>
    public Verdict? Verdict => VotesA > VotesB ? Data.Verdict.A : VotesB > VotesA ? Data.Verdict.B : null;

    /// <summary>RewardBench score of the voted verdict: 1, 0, or 0.5 for a split.</summary>
    public double Score => Order.Score(Verdict);

    /// <summary>All samples, voting or not.</summary>
    public int Samples => VotesA + VotesB + WithoutVerdict;
}
