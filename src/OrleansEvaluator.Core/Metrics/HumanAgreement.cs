using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Metrics;

/// <summary>
/// Agreement with human labels after FastChat's <c>compute_agreement</c>, simplified to one human label per item (FastChat
/// compares the judge with each of several human votes; here each item contributes one comparison).
/// </summary>
public static class HumanAgreement
{
    /// <summary>
    /// Combines the two orders as FastChat does: the decision stands only if both orders name the same response (or both
    /// say tie); anything else, an unparseable order included, is <see cref="JudgeDecision.Inconsistent"/>.
    /// </summary>
    public static JudgeDecision FromBothOrders(EvaluationResult chosenFirst, EvaluationResult chosenSecond)
    {
        ArgumentNullException.ThrowIfNull(chosenFirst);
        ArgumentNullException.ThrowIfNull(chosenSecond);
        if (chosenFirst.Order != PresentationOrder.ChosenFirst || chosenSecond.Order != PresentationOrder.ChosenSecond)
        {
            throw new ArgumentException("Expected one chosen-first and one chosen-second result.", nameof(chosenSecond));
        }
        var first = InOneOrder(chosenFirst);
        return first is not null && first == InOneOrder(chosenSecond) ? first.Value : JudgeDecision.Inconsistent;
    }

    /// <summary>
    /// Compares each labelled item's human label (<see cref="PairwiseItem.Tie"/> or the chosen response) with the judge's
    /// decision for the item's id. Pass the items of one benchmark: ids are unique only within one.
    /// </summary>
    public static HumanAgreementReport Compute(IEnumerable<PairwiseItem> items, IReadOnlyDictionary<string, JudgeDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(decisions);
        int withTiesMatches = 0, withTies = 0, withoutTiesMatches = 0, withoutTies = 0, missing = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!seen.Add(item.Id))
            {
                throw new ArgumentException($"Item id '{item.Id}' appears twice.", nameof(items));
            }
            if (!decisions.TryGetValue(item.Id, out var judge))
            {
                missing++;
                continue;
            }
            var human = item.Tie ? JudgeDecision.Tie : JudgeDecision.Chosen;
            withTies++;
            withTiesMatches += judge == human ? 1 : 0;
            if (human != JudgeDecision.Tie && judge != JudgeDecision.Tie)
            {
                // Inconsistent is not a tie, so it stays in and counts against the judge, as in FastChat.
                withoutTies++;
                withoutTiesMatches += judge == human ? 1 : 0;
            }
        }
        return new HumanAgreementReport(
            new AgreementRate(withTiesMatches, withTies), new AgreementRate(withoutTiesMatches, withoutTies), missing);
    }

    private static JudgeDecision? InOneOrder(EvaluationResult result) =>
        result.Verdict is { } verdict
            ? verdict == result.Order.CorrectVerdict() ? JudgeDecision.Chosen : JudgeDecision.Rejected
            : result.Failure == VerdictFailure.Tie ? JudgeDecision.Tie : null;
}
