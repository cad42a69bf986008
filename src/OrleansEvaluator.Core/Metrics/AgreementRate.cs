namespace OrleansEvaluator.Core.Metrics;

/// <summary>Matches out of comparisons.</summary>
/// <param name="Matches">Comparisons where judge and human agree.</param>
/// <param name="Comparisons">Comparisons made.</param>
public sealed record AgreementRate(int Matches, int Comparisons)
{
    /// <summary>Matches / comparisons; null without comparisons.</summary>
    public double? Rate => Comparisons == 0 ? null : (double)Matches / Comparisons;
}
