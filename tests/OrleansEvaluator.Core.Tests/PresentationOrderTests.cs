using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Tests;

public sealed class PresentationOrderTests
{
    [Fact]
    public void The_correct_verdict_follows_the_order()
    {
        Assert.Equal(Verdict.A, PresentationOrder.ChosenFirst.CorrectVerdict());
        Assert.Equal(Verdict.B, PresentationOrder.ChosenSecond.CorrectVerdict());
        Assert.Equal(PresentationOrder.ChosenFirst, PresentationOrder.ChosenSecond.Swapped());
    }
}
