using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.TinyWorld;

/// <summary>
/// Ground truth for TinyWorld text: which answers are right for an instruction, and how many synthesized pairs are truly
/// labelled (the number the loop reports per run; the prototype's target is at least 85%).
/// </summary>
public sealed class TinyWorldOracle
{
    /// <summary>Judges texts of the world described by <paramref name="rules"/>.</summary>
    public TinyWorldOracle(TinyWorldRules rules) => Rules = rules ?? throw new ArgumentNullException(nameof(rules));

    /// <summary>The world's grammar.</summary>
    public TinyWorldRules Rules { get; }

    /// <summary>The correct-answer predicate for <paramref name="instruction"/>, or null when it is not an instruction of the world.</summary>
    public Func<string, bool>? PredicateFor(string instruction) => Rules.Parse(instruction) is { } task ? task.IsCorrect : null;

    /// <summary>True when <paramref name="instruction"/> belongs to the world and <paramref name="answer"/> is right for it.</summary>
    public bool IsCorrect(string instruction, string answer) => Rules.Parse(instruction)?.IsCorrect(answer) == true;

    /// <summary>
    /// How many pairs are truly labelled: <see cref="PreferencePair.Chosen"/> right for <see cref="PreferencePair.Instruction"/>
    /// and <see cref="PreferencePair.Rejected"/> not. A pair whose instruction is not of the world counts against it.
    /// </summary>
    public TinyLabelQuality LabelQuality(IEnumerable<PreferencePair> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var unknown = 0;
        var families = new Dictionary<TinyFamily, (int Total, int Truly, int ChosenWrong, int RejectedRight)>();
        foreach (var pair in pairs)
        {
            if (Rules.Parse(pair.Instruction) is not { } task)
            {
                unknown++;
                continue;
            }
            var chosenRight = task.IsCorrect(pair.Chosen);
            var rejectedIsRight = task.IsCorrect(pair.Rejected);
            var f = families.GetValueOrDefault(task.Family);
            families[task.Family] = (f.Total + 1, f.Truly + (chosenRight && !rejectedIsRight ? 1 : 0), f.ChosenWrong + (chosenRight ? 0 : 1),
                f.RejectedRight + (rejectedIsRight ? 1 : 0));
        }
        var byFamily = families.OrderBy(f => f.Key).ToDictionary(f => f.Key,
            f => new TinyLabelQuality(f.Value.Total, f.Value.Truly, f.Value.ChosenWrong, f.Value.RejectedRight, 0));
        return new TinyLabelQuality(byFamily.Values.Sum(q => q.Pairs) + unknown, byFamily.Values.Sum(q => q.TrulyBetter),
            byFamily.Values.Sum(q => q.ChosenWrong), byFamily.Values.Sum(q => q.RejectedRight), unknown) { ByFamily = byFamily };
    }
}
