namespace OrleansEvaluator.Data;

/// <summary>Maps between presentation orders and verdicts.</summary>
public static class PresentationOrderExtensions
{
    /// <summary>The verdict that picks the better answer in this order.</summary>
    public static Verdict CorrectVerdict(this PresentationOrder order) =>
        order == PresentationOrder.ChosenFirst ? Verdict.A : Verdict.B;

    /// <summary>RewardBench scoring of a verdict in this order: 1 when it picks the better answer, 0 when not, 0.5 without a verdict.</summary>
    public static double Score(this PresentationOrder order, Verdict? verdict) =>
        verdict is null ? 0.5 : verdict == order.CorrectVerdict() ? 1.0 : 0.0;

    /// <summary>The other order.</summary>
    public static PresentationOrder Swapped(this PresentationOrder order) =>
        order == PresentationOrder.ChosenFirst ? PresentationOrder.ChosenSecond : PresentationOrder.ChosenFirst;
}
