using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Parsing;

/// <summary>
/// A judge output, parsed. <paramref name="Verdict"/> is null exactly when <paramref name="Failure"/> is not
/// <see cref="VerdictFailure.None"/>; <paramref name="Raw"/> is the generated text as received.
/// </summary>
public sealed record VerdictParse(Verdict? Verdict, VerdictFailure Failure, string Raw)
{
    /// <summary>True when a verdict was found.</summary>
    public bool IsSuccess => Failure == VerdictFailure.None;
}
