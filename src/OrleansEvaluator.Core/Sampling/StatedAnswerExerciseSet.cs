using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Sampling;

/// <summary>The exercises <see cref="StatedAnswerExercises.Build"/> made, and how many prompts it could and could not use.</summary>
/// <param name="Rows">The exercises as SFT rows (loss on the verdict label only).</param>
/// <param name="UsablePrompts">Judge prompts whose pair was known and whose text holds the template's rendered messages.</param>
/// <param name="UnusablePrompts">The other judge prompts.</param>
public sealed record StatedAnswerExerciseSet(IReadOnlyList<SftExample> Rows, int UsablePrompts, int UnusablePrompts);
