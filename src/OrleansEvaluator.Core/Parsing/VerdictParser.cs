using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Parsing;

/// <summary>
/// Reads the verdict from generated judge text. Only ever give it generated text: the judge prompt itself explains
/// the markers and would parse as <see cref="VerdictFailure.BothVerdicts"/>.
/// </summary>
/// <remarks>
/// The markers are matched exactly and anywhere (<c>**Verdict: [[B]].**</c> is B); <c>[[ A ]]</c>, <c>[[a]]</c>,
/// <c>[A]</c> and look-alike characters are not markers. Then: <c>[[A]]</c> and <c>[[B]]</c> both present →
/// <see cref="VerdictFailure.BothVerdicts"/>; otherwise <c>[[C]]</c> present → <see cref="VerdictFailure.Tie"/>;
/// otherwise the one marker present (repeated or not) is the verdict; none → <see cref="VerdictFailure.NoVerdict"/>.
/// Never throws.
/// </remarks>
public static class VerdictParser
{
    /// <summary>The marker for answer A.</summary>
    public const string MarkerA = "[[A]]";

    /// <summary>The marker for answer B.</summary>
    public const string MarkerB = "[[B]]";

    /// <summary>The tie marker; the judge prompt offers no tie, so it parses as a failure.</summary>
    public const string TieMarker = "[[C]]";

    /// <summary>Parses <paramref name="generated"/>.</summary>
    public static VerdictParse Parse(string generated)
    {
        ArgumentNullException.ThrowIfNull(generated);
        var a = generated.Contains(MarkerA, StringComparison.Ordinal);
        var b = generated.Contains(MarkerB, StringComparison.Ordinal);
        var tie = generated.Contains(TieMarker, StringComparison.Ordinal);
        return (a, b, tie) switch
        {
            (true, true, _) => new VerdictParse(null, VerdictFailure.BothVerdicts, generated),
            (_, _, true) => new VerdictParse(null, VerdictFailure.Tie, generated),
            (true, _, _) => new VerdictParse(Verdict.A, VerdictFailure.None, generated),
            (_, true, _) => new VerdictParse(Verdict.B, VerdictFailure.None, generated),
            _ => new VerdictParse(null, VerdictFailure.NoVerdict, generated),
        };
    }
}
