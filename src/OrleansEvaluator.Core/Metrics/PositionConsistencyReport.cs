namespace OrleansEvaluator.Core.Metrics;

/// <summary>
/// Agreement of a judge with itself across the two presentation orders of each item.
/// </summary>
/// <param name="PairedItems">Items judged in both orders; every rate below is over these.</param>
/// <param name="SingleOrderItems">Items judged in only one order, excluded from every rate.</param>
/// <param name="BothCorrect">Paired items where both orders pick the chosen response.</param>
/// <param name="BothWrong">Paired items where both orders pick the rejected response.</param>
/// <param name="WithUnparseable">Paired items where at least one order has no verdict; they count as flips.</param>
/// <param name="ChosenFirstAccuracy">RewardBench score (parse error 0.5) of the paired items shown chosen-first.</param>
/// <param name="ChosenSecondAccuracy">The same for the chosen-second order.</param>
public sealed record PositionConsistencyReport(
    int PairedItems,
    int SingleOrderItems,
    int BothCorrect,
    int BothWrong,
    int WithUnparseable,
    double? ChosenFirstAccuracy,
    double? ChosenSecondAccuracy)
{
    /// <summary>
    /// Paired items whose two verdicts do not name the same response. A missing verdict names no response, so a pair with
    /// one is never consistent; subtract <see cref="WithUnparseable"/> for flips between two real verdicts.
    /// </summary>
    public int Flips => PairedItems - BothCorrect - BothWrong;

    /// <summary>Share of paired items correct in both orders; null without paired items.</summary>
    public double? ConsistentAccuracy => Ratio(BothCorrect);

    /// <summary>Share of paired items that flip (see <see cref="Flips"/>); null without paired items.</summary>
    public double? FlipRate => Ratio(Flips);

    private double? Ratio(int count) => PairedItems == 0 ? null : (double)count / PairedItems;
}
