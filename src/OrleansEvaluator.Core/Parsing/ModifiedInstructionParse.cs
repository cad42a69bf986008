namespace OrleansEvaluator.Core.Parsing;

/// <summary>
/// A pair-construction output, parsed: the modified instruction x′ and the answer to it (the pair's rejected answer).
/// Both are set, trimmed, when <paramref name="Failure"/> is <see cref="ModifiedInstructionFailure.None"/>, and null
/// otherwise; <paramref name="Raw"/> is the generated text.
/// </summary>
public sealed record ModifiedInstructionParse(
    string? ModifiedInstruction,
    string? Response,
    ModifiedInstructionFailure Failure,
    string Raw)
{
    /// <summary>True when both parts parsed.</summary>
    public bool IsSuccess => Failure == ModifiedInstructionFailure.None;
}
