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
        int total = 0, truly = 0, unknown = 0, chosenWrong = 0, rejectedRight = 0;
        foreach (var pair in pairs)
        {
            total++;
            if (Rules.Parse(pair.Instruction) is not { } task)
            {
                unknown++;
                continue;
            }
            var chosenRight = task.IsCorrect(pair.Chosen);
            var rejectedIsRight = task.IsCorrect(pair.Rejected);
            chosenWrong += chosenRight ? 0 : 1;
            rejectedRight += rejectedIsRight ? 1 : 0;
            truly += chosenRight && !rejectedIsRight ? 1 : 0;
        }
        return new TinyLabelQuality(total, truly, chosenWrong, rejectedRight, unknown);
    }
}
