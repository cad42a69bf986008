using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Metrics;

/// <summary>Position-consistent accuracy, flip rate and per-order accuracy over items judged in both orders.</summary>
public static class PositionConsistency
{
    /// <summary>
    /// Items are keyed by (benchmark, item id). Each needs at most one row per order: several samples per order must be
    /// reduced first (<see cref="MajorityVote"/>), since which sample to pair with which is otherwise arbitrary.
    /// </summary>
    public static PositionConsistencyReport Of(IEnumerable<EvaluationResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return Compute(results.Select(r => (r.Benchmark, r.ItemId, r.Order, r.Verdict)));
    }

    /// <summary>The same over majority-voted verdicts.</summary>
    public static PositionConsistencyReport Of(IEnumerable<MajorityVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        return Compute(verdicts.Select(v => (v.Benchmark, v.ItemId, v.Order, v.Verdict)));
    }

    private static PositionConsistencyReport Compute(
        IEnumerable<(string Benchmark, string ItemId, PresentationOrder Order, Verdict? Verdict)> rows)
    {
        var items = new Dictionary<(string, string), Dictionary<PresentationOrder, Verdict?>>();
        foreach (var row in rows)
        {
            var key = (row.Benchmark, row.ItemId);
            if (!items.TryGetValue(key, out var byOrder))
            {
                items[key] = byOrder = [];
            }
            if (!byOrder.TryAdd(row.Order, row.Verdict))
            {
                throw new ArgumentException(
                    $"Item '{row.ItemId}' of '{row.Benchmark}' has more than one {row.Order} row; vote them first.", nameof(rows));
            }
        }

        int paired = 0, bothCorrect = 0, bothWrong = 0, withUnparseable = 0;
        double firstScore = 0, secondScore = 0;
        foreach (var byOrder in items.Values.Where(o => o.Count == 2))
        {
            paired++;
            var first = byOrder[PresentationOrder.ChosenFirst];
            var second = byOrder[PresentationOrder.ChosenSecond];
            firstScore += PresentationOrder.ChosenFirst.Score(first);
            secondScore += PresentationOrder.ChosenSecond.Score(second);
            if (first is null || second is null)
            {
                withUnparseable++;
            }
            else if (first == Verdict.A && second == Verdict.B)
            {
                bothCorrect++;
            }
            else if (first == Verdict.B && second == Verdict.A)
            {
                bothWrong++;
            }
        }

        return new PositionConsistencyReport(
            paired,
            items.Count - paired,
            bothCorrect,
            bothWrong,
            withUnparseable,
            paired == 0 ? null : firstScore / paired,
            paired == 0 ? null : secondScore / paired);
    }
}
