namespace OrleansEvaluator.Core.Parsing;

/// <summary>
/// An answer output: <paramref name="Answer"/> is the trimmed text, null exactly when <paramref name="Failure"/> is
/// not <see cref="AnswerFailure.None"/>; <paramref name="Raw"/> is the generated text.
/// </summary>
public sealed record AnswerParse(string? Answer, AnswerFailure Failure, string Raw)
{
    /// <summary>True when the answer is usable.</summary>
    public bool IsSuccess => Failure == AnswerFailure.None;
}
