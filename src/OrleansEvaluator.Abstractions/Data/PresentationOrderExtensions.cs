namespace OrleansEvaluator.Data;

/// <summary>Maps between presentation orders and verdicts.</summary>
public static class PresentationOrderExtensions
{
    /// <summary>The verdict that picks the better answer in this order.</summary>
    public static Verdict CorrectVerdict(this PresentationOrder order) =>
        order == PresentationOrder.ChosenFirst ? Verdict.A : Verdict.B;

    /// <summary>The other order.</summary>
    public static PresentationOrder Swapped(this PresentationOrder order) =>
        order == PresentationOrder.ChosenFirst ? PresentationOrder.ChosenSecond : PresentationOrder.ChosenFirst;
}
