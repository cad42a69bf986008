using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Metrics;

/// <summary>
/// Per-iteration health of sampled judgments: how many are usable positives and how many the parser rejected.
/// </summary>
/// <param name="Samples">All samples.</param>
/// <param name="Positives">Samples whose verdict picks the better answer (rejection sampling keeps one of these per pair).</param>
/// <param name="ParseFailures">Samples with no marker or with both <c>[[A]]</c> and <c>[[B]]</c>.</param>
/// <param name="Ties">Samples with a tie marker: parsed, but never a positive because the prompt offers no tie.</param>
public sealed record JudgmentSampleRates(int Samples, int Positives, int ParseFailures, int Ties)
{
    /// <summary>Positives / samples; null without samples.</summary>
    public double? PositiveRate => Ratio(Positives);

    /// <summary>Parse failures / samples (ties excluded, see <see cref="TieRate"/>); null without samples.</summary>
    public double? ParseFailureRate => Ratio(ParseFailures);

    /// <summary>Ties / samples; null without samples.</summary>
    public double? TieRate => Ratio(Ties);

    /// <summary>Counts the samples.</summary>
    public static JudgmentSampleRates Of(IEnumerable<JudgmentSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        int total = 0, positives = 0, failures = 0, ties = 0;
        foreach (var sample in samples)
        {
            total++;
            positives += sample.IsCorrect ? 1 : 0;
            failures += sample.Failure is VerdictFailure.NoVerdict or VerdictFailure.BothVerdicts ? 1 : 0;
            ties += sample.Failure == VerdictFailure.Tie ? 1 : 0;
        }
        return new JudgmentSampleRates(total, positives, failures, ties);
    }

    private double? Ratio(int count) => Samples == 0 ? null : (double)count / Samples;
}
