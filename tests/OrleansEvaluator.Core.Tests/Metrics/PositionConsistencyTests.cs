using OrleansEvaluator.Core.Metrics;
using OrleansEvaluator.Data;
using static OrleansEvaluator.Core.Tests.Metrics.Judgments;

namespace OrleansEvaluator.Core.Tests.Metrics;

public sealed class PositionConsistencyTests
{
    private const PresentationOrder First = PresentationOrder.ChosenFirst;
    private const PresentationOrder Second = PresentationOrder.ChosenSecond;

    [Fact]
    public void Counts_consistent_items_flips_and_per_order_accuracy()
    {
        var rows = new[]
        {
            Picks("right", First, true), Picks("right", Second, true),
            Picks("wrong", First, false), Picks("wrong", Second, false),
            // Always says A: picks chosen when it is first and rejected when it is second.
            Result("always-a", First, Verdict.A), Result("always-a", Second, Verdict.A),
            Picks("half-parsed", First, true), Picks("half-parsed", Second, null),
            Picks("one-order-only", First, true),
        };

        var report = PositionConsistency.Of(rows);

        Assert.Equal(4, report.PairedItems);
        Assert.Equal(1, report.SingleOrderItems);
        Assert.Equal(1, report.BothCorrect);
        Assert.Equal(1, report.BothWrong);
        Assert.Equal(1, report.WithUnparseable);
        Assert.Equal(2, report.Flips);
        Assert.Equal(0.25, report.ConsistentAccuracy);
        Assert.Equal(0.5, report.FlipRate);
        Assert.Equal((1 + 0 + 1 + 1) / 4.0, report.ChosenFirstAccuracy);
        Assert.Equal((1 + 0 + 0 + 0.5) / 4.0, report.ChosenSecondAccuracy);
    }

    [Fact]
    public void Several_rows_for_one_order_must_be_voted_first()
    {
        var rows = new[] { Picks("x", First, true, sample: 0), Picks("x", First, false, sample: 1) };

        Assert.Throws<ArgumentException>(() => PositionConsistency.Of(rows));
        Assert.Equal(1, PositionConsistency.Of(MajorityVote.Of(rows)).SingleOrderItems);
    }

    [Fact]
    public void Without_paired_items_there_are_no_rates()
    {
        var report = PositionConsistency.Of([Picks("x", Second, true)]);

        Assert.Equal(0, report.PairedItems);
        Assert.Null(report.ConsistentAccuracy);
        Assert.Null(report.FlipRate);
        Assert.Null(report.ChosenSecondAccuracy);
    }
}
