using CsCheck;
using OrleansEvaluator.Core.Metrics;
using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Tests.Metrics;

public sealed class MetricsPropertyTests
{
    private static readonly Gen<Verdict?> s_verdict = Gen.OneOf<Verdict?>(Verdict.A, Verdict.B, null);

    private static readonly Gen<PresentationOrder> s_order = Gen.OneOf(PresentationOrder.ChosenFirst, PresentationOrder.ChosenSecond);

    // Items 0..19 in random orders, at most one row per (item, order).
    private static readonly Gen<EvaluationResult[]> s_rows =
        Gen.Select(Gen.Int[0, 19], s_order, s_verdict, (item, order, verdict) => Judgments.Result($"i{item}", order, verdict))
            .Array[0, 60]
            .Select(rows => rows.DistinctBy(r => (r.ItemId, r.Order)).ToArray());

    [Fact]
    public void Accuracy_is_within_0_and_1() =>
        s_rows.Sample(rows => PairwiseAccuracy.Of(rows) is null or >= 0 and <= 1);

    [Fact]
    public void Consistent_accuracy_never_exceeds_either_order_accuracy() =>
        s_rows.Sample(rows =>
        {
            var report = PositionConsistency.Of(rows);
            return report.PairedItems == 0
                || (report.ConsistentAccuracy <= report.ChosenFirstAccuracy
                    && report.ConsistentAccuracy <= report.ChosenSecondAccuracy
                    && report.FlipRate + report.ConsistentAccuracy <= 1 + 1e-12);
        });

    [Fact]
    public void Swapping_A_and_B_flips_the_skew_sign() =>
        s_verdict.Array[0, 40].Sample(verdicts =>
        {
            var swapped = verdicts.Select(v => v switch { Verdict.A => Verdict.B, Verdict.B => (Verdict?)Verdict.A, _ => null });
            var skew = VerdictSkew.Of(verdicts).Skew;
            var swappedSkew = VerdictSkew.Of(swapped).Skew;
            return skew is null ? swappedSkew is null : Math.Abs(skew.Value + swappedSkew!.Value) < 1e-12;
        });

    [Fact]
    public void Majority_verdict_is_invariant_under_sample_order() =>
        s_verdict.Array[1, 33].Sample(verdicts =>
        {
            var rows = verdicts.Select((v, i) => Judgments.Result("x", PresentationOrder.ChosenFirst, v, sample: i)).ToArray();
            var forward = Assert.Single(MajorityVote.Of(rows));
            var backward = Assert.Single(MajorityVote.Of(rows.Reverse()));
            return forward == backward && (forward.Verdict is null) == (forward.VotesA == forward.VotesB);
        });

    [Fact]
    public void Section_score_lies_between_its_lowest_and_highest_subset() =>
        Gen.Double[0, 1].Array[7].Sample(accuracies =>
        {
            var subsets = RewardBenchConstants.SubsetMapping[RewardBenchConstants.Reasoning];
            var score = RewardBenchScores.Compute(subsets.Zip(accuracies).ToDictionary(p => p.First, p => p.Second))
                .Section(RewardBenchConstants.Reasoning)!.Score;
            return score >= accuracies.Min() - 1e-12 && score <= accuracies.Max() + 1e-12;
        });
}
