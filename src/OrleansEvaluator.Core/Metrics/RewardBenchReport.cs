namespace OrleansEvaluator.Core.Metrics;

/// <summary>
/// RewardBench v1 scores computed from whatever subsets were evaluated. Sections with no evaluated subset are absent
/// rather than 0, and the overall scores exist only when all four sections do.
/// </summary>
/// <param name="Sections">Sections with at least one evaluated subset, in leaderboard order.</param>
/// <param name="PriorSets">The Prior Sets column, or null when none of the prior sets was evaluated.</param>
public sealed record RewardBenchReport(IReadOnlyList<SectionScore> Sections, SectionScore? PriorSets)
{
    /// <summary>The named section, or null when it was not computed.</summary>
    public SectionScore? Section(string name) => Sections.FirstOrDefault(s => s.Name == name);

    /// <summary>True when all four sections were computed over all their subsets (Prior Sets are not required).</summary>
    public bool IsComplete =>
        Sections.Count == RewardBenchConstants.Sections.Count && Sections.All(s => s.IsComplete);

    /// <summary>
    /// Plain mean of the four sections, the Self-Taught Evaluator paper's "overall"; null unless all four are present.
    /// Check <see cref="IsComplete"/> before comparing it with a published number.
    /// </summary>
    public double? FourSectionMean => SectionScores() is { } s ? RewardBenchScores.FourSectionMean(s[0], s[1], s[2], s[3]) : null;

    /// <summary>
    /// The v1 leaderboard score with Prior Sets at half weight; null unless all four sections and Prior Sets are present.
    /// A different convention from <see cref="FourSectionMean"/>: never put the two in one table.
    /// </summary>
    public double? LeaderboardV1 => SectionScores() is { } s && PriorSets is { } p
        ? RewardBenchScores.LeaderboardV1(s[0], s[1], s[2], s[3], p.Score)
        : null;

    private double[]? SectionScores()
    {
        var scores = RewardBenchConstants.Sections.Select(n => Section(n)?.Score).ToArray();
        return scores.All(s => s.HasValue) ? scores.Select(s => s!.Value).ToArray() : null;
    }
}
