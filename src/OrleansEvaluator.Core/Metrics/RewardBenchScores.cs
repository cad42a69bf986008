namespace OrleansEvaluator.Core.Metrics;

/// <summary>RewardBench v1 section and overall scores from per-subset accuracies.</summary>
public static class RewardBenchScores
{
    /// <summary>The name <see cref="RewardBenchReport.PriorSets"/> carries.</summary>
    public const string PriorSetsName = "Prior Sets";

    /// <summary>
    /// Scores every section that has at least one evaluated subset. Keys are subset names from
    /// <see cref="RewardBenchConstants.ExampleCounts"/> or <see cref="RewardBenchConstants.PriorSets"/>; values are
    /// accuracies as fractions. An unknown name throws, because a misspelt subset would otherwise vanish from its section
    /// without trace.
    /// </summary>
    public static RewardBenchReport Compute(IReadOnlyDictionary<string, double> subsetAccuracies)
    {
        ArgumentNullException.ThrowIfNull(subsetAccuracies);
        foreach (var (subset, accuracy) in subsetAccuracies)
        {
            if (!RewardBenchConstants.ExampleCounts.ContainsKey(subset) && !RewardBenchConstants.PriorSets.Contains(subset))
            {
                throw new ArgumentException($"'{subset}' is not a RewardBench v1 subset or prior set.", nameof(subsetAccuracies));
            }
            if (!(accuracy is >= 0 and <= 1))
            {
                // Catches percentages passed where fractions are expected.
                throw new ArgumentOutOfRangeException(nameof(subsetAccuracies), accuracy, $"Accuracy of '{subset}' must be in [0, 1].");
            }
        }

        var sections = RewardBenchConstants.Sections
            .Select(name => Section(name, RewardBenchConstants.SubsetMapping[name], subsetAccuracies, s => RewardBenchConstants.ExampleCounts[s]))
            .OfType<SectionScore>()
            .ToList();
        var priorSets = Section(PriorSetsName, RewardBenchConstants.PriorSets, subsetAccuracies, _ => 1);
        return new RewardBenchReport(sections, priorSets);
    }

    /// <summary>Plain mean of the four sections (the Self-Taught Evaluator paper's overall). Works on fractions or percentages.</summary>
    public static double FourSectionMean(double chat, double chatHard, double safety, double reasoning) =>
        (chat + chatHard + safety + reasoning) / 4;

    /// <summary>
    /// v1 leaderboard overall, Prior Sets at half weight: (Chat + Chat Hard + Safety + Reasoning + 0.5 × Prior Sets) / 4.5.
    /// The paper's seed row (75.4) uses this form while its iteration rows use <see cref="FourSectionMean"/>.
    /// </summary>
    public static double LeaderboardV1(double chat, double chatHard, double safety, double reasoning, double priorSets) =>
        (chat + chatHard + safety + reasoning + (0.5 * priorSets)) / 4.5;

    private static SectionScore? Section(
        string name, IReadOnlyList<string> subsets, IReadOnlyDictionary<string, double> accuracies, Func<string, int> weight)
    {
        var evaluated = subsets.Where(accuracies.ContainsKey).ToList();
        if (evaluated.Count == 0)
        {
            return null;
        }
        var score = evaluated.Sum(s => accuracies[s] * weight(s)) / evaluated.Sum(weight);
        return new SectionScore(name, score, evaluated, subsets.Where(s => !accuracies.ContainsKey(s)).ToList());
    }
}
