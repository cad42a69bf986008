namespace OrleansEvaluator.Core.Metrics;

/// <summary>
/// One RewardBench section (or the Prior Sets column) and the subsets it was actually computed over, so a score over
/// part of a section is never mistaken for the published full-section number.
/// </summary>
/// <param name="Name">Section name (<see cref="RewardBenchConstants.Sections"/>) or <see cref="RewardBenchScores.PriorSetsName"/>.</param>
/// <param name="Score">Weighted mean of the evaluated subsets' accuracies (unweighted for Prior Sets), in [0, 1].</param>
/// <param name="EvaluatedSubsets">Subsets that contributed, in the constants' order.</param>
/// <param name="MissingSubsets">Subsets of the section with no accuracy given.</param>
public sealed record SectionScore(
    string Name,
    double Score,
    IReadOnlyList<string> EvaluatedSubsets,
    IReadOnlyList<string> MissingSubsets)
{
    /// <summary>True when every subset of the section was evaluated.</summary>
    public bool IsComplete => MissingSubsets.Count == 0;
}
