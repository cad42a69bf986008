using OrleansEvaluator.Core.Metrics;
using OrleansEvaluator.Data;
using static OrleansEvaluator.Core.Tests.Metrics.Judgments;

namespace OrleansEvaluator.Core.Tests.Metrics;

public sealed class MajorityVoteTests
{
    private static IEnumerable<EvaluationResult> Samples(string item, PresentationOrder order, params Verdict?[] verdicts) =>
        verdicts.Select((v, i) => Result(item, order, v, sample: i));

    [Fact]
    public void Most_common_parseable_verdict_wins_and_unparseable_samples_do_not_vote()
    {
        var votes = MajorityVote.Of(Samples("x", PresentationOrder.ChosenSecond, Verdict.B, null, null, null, Verdict.A, Verdict.B));

        var vote = Assert.Single(votes);
        Assert.Equal((2, 1, 3, 6), (vote.VotesB, vote.VotesA, vote.WithoutVerdict, vote.Samples));
        Assert.Equal(Verdict.B, vote.Verdict);
        Assert.Equal(1.0, vote.Score);
    }

    [Theory]
    [InlineData(16, 16, 0)]
    [InlineData(1, 1, 30)]
    [InlineData(0, 0, 32)]
    public void An_exact_split_has_no_verdict_and_scores_half(int a, int b, int none)
    {
        var vote = new MajorityVerdict("bench", "x", "s", PresentationOrder.ChosenFirst, a, b, none);

        Assert.Null(vote.Verdict);
        Assert.Equal(0.5, vote.Score);
    }

    [Fact]
    public void Votes_are_taken_per_item_and_order_in_a_stable_order()
    {
        var samples = Samples("b", PresentationOrder.ChosenSecond, Verdict.A)
            .Concat(Samples("a", PresentationOrder.ChosenSecond, Verdict.B, Verdict.B))
            .Concat(Samples("a", PresentationOrder.ChosenFirst, Verdict.B, Verdict.A, Verdict.B));

        var votes = MajorityVote.Of(samples);

        Assert.Equal(
            [("a", PresentationOrder.ChosenFirst), ("a", PresentationOrder.ChosenSecond), ("b", PresentationOrder.ChosenSecond)],
            votes.Select(v => (v.ItemId, v.Order)));
        Assert.Equal((0.0 + 1.0 + 0.0) / 3, PairwiseAccuracy.Of(votes));
    }
}
