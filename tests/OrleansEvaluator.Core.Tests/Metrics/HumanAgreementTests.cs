using OrleansEvaluator.Core.Metrics;
using OrleansEvaluator.Data;
using static OrleansEvaluator.Core.Tests.Metrics.Judgments;

namespace OrleansEvaluator.Core.Tests.Metrics;

public sealed class HumanAgreementTests
{
    private static PairwiseItem Item(string id, bool tie = false) => new(id, "bench", "s", "p", "c", "r", tie, tie ? null : 1);

    [Fact]
    public void Agreement_with_and_without_ties()
    {
        PairwiseItem[] items =
        [
            Item("agree"), Item("disagree"), Item("judge-tie"), Item("inconsistent"),
            Item("both-tie", tie: true), Item("human-tie", tie: true), Item("unjudged"),
        ];
        var decisions = new Dictionary<string, JudgeDecision>
        {
            ["agree"] = JudgeDecision.Chosen,
            ["disagree"] = JudgeDecision.Rejected,
            ["judge-tie"] = JudgeDecision.Tie,
            ["inconsistent"] = JudgeDecision.Inconsistent,
            ["both-tie"] = JudgeDecision.Tie,
            ["human-tie"] = JudgeDecision.Chosen,
        };

        var report = HumanAgreement.Compute(items, decisions);

        Assert.Equal(new AgreementRate(2, 6), report.WithTies);
        // Ties on either side drop out; "inconsistent" stays and counts as a disagreement.
        Assert.Equal(new AgreementRate(1, 3), report.WithoutTies);
        Assert.Equal(1, report.ItemsWithoutDecision);
    }

    [Theory]
    [InlineData(true, true, JudgeDecision.Chosen)]
    [InlineData(false, false, JudgeDecision.Rejected)]
    [InlineData(true, false, JudgeDecision.Inconsistent)]
    [InlineData(true, null, JudgeDecision.Inconsistent)]
    [InlineData(null, null, JudgeDecision.Inconsistent)]
    public void Both_orders_must_name_the_same_response(bool? first, bool? second, JudgeDecision expected) =>
        Assert.Equal(expected, HumanAgreement.FromBothOrders(
            Picks("x", PresentationOrder.ChosenFirst, first), Picks("x", PresentationOrder.ChosenSecond, second)));

    [Fact]
    public void A_tie_marker_in_both_orders_is_a_tie()
    {
        var first = Result("x", PresentationOrder.ChosenFirst, null, failure: VerdictFailure.Tie);
        var second = Result("x", PresentationOrder.ChosenSecond, null, failure: VerdictFailure.Tie);

        Assert.Equal(JudgeDecision.Tie, HumanAgreement.FromBothOrders(first, second));
        Assert.Throws<ArgumentException>(() => HumanAgreement.FromBothOrders(second, first));
    }
}
