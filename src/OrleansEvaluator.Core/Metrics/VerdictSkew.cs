using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Metrics;

/// <summary>
/// How far a judge leans to one letter. With orders balanced a position-blind judge says A half the time, so
/// <see cref="Skew"/> measures position bias independently of accuracy.
/// </summary>
/// <param name="VerdictsA">Verdicts A.</param>
/// <param name="VerdictsB">Verdicts B.</param>
/// <param name="WithoutVerdict">Judgments with no A/B verdict, left out of the share.</param>
public sealed record VerdictSkew(int VerdictsA, int VerdictsB, int WithoutVerdict)
{
    /// <summary>Share of A among parseable verdicts; null when there are none.</summary>
    public double? ShareA => VerdictsA + VerdictsB == 0 ? null : (double)VerdictsA / (VerdictsA + VerdictsB);

    /// <summary><see cref="ShareA"/> − 0.5, in [−0.5, 0.5]: positive leans to the first answer shown, negative to the second.</summary>
    public double? Skew => ShareA - 0.5;

    /// <summary>Counts the verdicts (null = no verdict) of any judgment rows, e.g. <c>samples.Select(s => s.Verdict)</c>.</summary>
    public static VerdictSkew Of(IEnumerable<Verdict?> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        int a = 0, b = 0, none = 0;
        foreach (var verdict in verdicts)
        {
            if (verdict == Verdict.A)
            {
                a++;
            }
            else if (verdict == Verdict.B)
            {
                b++;
            }
            else
            {
                none++;
            }
        }
        return new VerdictSkew(a, b, none);
    }
}
