using OrleansEvaluator.Core.Metrics;
using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Tests.Metrics;

public sealed class JudgmentSampleRatesTests
{
    private static JudgmentSample Sample(PresentationOrder order, Verdict? verdict, VerdictFailure failure = VerdictFailure.None) =>
        new("pair", 1, 0, order, "judge", "", verdict, failure);

    [Fact]
    public void Counts_positives_parse_failures_and_ties_separately()
    {
        var rates = JudgmentSampleRates.Of(
        [
            Sample(PresentationOrder.ChosenFirst, Verdict.A),
            Sample(PresentationOrder.ChosenSecond, Verdict.B),
            Sample(PresentationOrder.ChosenSecond, Verdict.A),
            Sample(PresentationOrder.ChosenFirst, null, VerdictFailure.NoVerdict),
            Sample(PresentationOrder.ChosenFirst, null, VerdictFailure.BothVerdicts),
            Sample(PresentationOrder.ChosenFirst, null, VerdictFailure.Tie),
        ]);

        Assert.Equal(new JudgmentSampleRates(6, 2, 2, 1), rates);
        Assert.Equal(2 / 6.0, rates.PositiveRate);
        Assert.Equal(2 / 6.0, rates.ParseFailureRate);
        Assert.Equal(1 / 6.0, rates.TieRate);
    }

    [Fact]
    public void No_samples_have_no_rates() => Assert.Null(JudgmentSampleRates.Of([]).PositiveRate);
}
