namespace OrleansEvaluator.Core.Parsing;

/// <summary>
/// A categorizer output, parsed. The three values are all set when <paramref name="Failure"/> is
/// <see cref="CategoryFailure.None"/> and all null otherwise; <paramref name="Raw"/> is the generated text.
/// </summary>
public sealed record CategoryParse(
    InstructionCategory? Category,
    int? Complexity,
    AnswerLength? Length,
    CategoryFailure Failure,
    string Raw)
{
    /// <summary>True when all three fields parsed.</summary>
    public bool IsSuccess => Failure == CategoryFailure.None;
}
