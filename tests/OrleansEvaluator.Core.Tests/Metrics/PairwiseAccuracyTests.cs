using OrleansEvaluator.Core.Metrics;
using OrleansEvaluator.Data;
using static OrleansEvaluator.Core.Tests.Metrics.Judgments;

namespace OrleansEvaluator.Core.Tests.Metrics;

public sealed class PairwiseAccuracyTests
{
    [Fact]
    public void Win_scores_1_loss_0_and_parse_error_half()
    {
        var rows = new[]
        {
            Picks("win", PresentationOrder.ChosenSecond, true),
            Picks("loss", PresentationOrder.ChosenFirst, false),
            Picks("error", PresentationOrder.ChosenFirst, null),
            Result("both", PresentationOrder.ChosenFirst, null, failure: VerdictFailure.BothVerdicts),
        };

        Assert.Equal((1 + 0 + 0.5 + 0.5) / 4, PairwiseAccuracy.Of(rows));
    }

    [Fact]
    public void No_rows_have_no_accuracy() => Assert.Null(PairwiseAccuracy.Of(Array.Empty<EvaluationResult>()));
}
