using OrleansEvaluator.Core.Metrics;

namespace OrleansEvaluator.Core.Tests.Metrics;

public sealed class RewardBenchScoresTests
{
    [Fact]
    public void Self_taught_iteration_5_overall_is_the_plain_four_section_mean()
    {
        var overall = RewardBenchScores.FourSectionMean(96.6, 84.2, 91.5, 81.0);
        Assert.Equal(88.325, overall, 9);
        Assert.Equal(88.3, Math.Round(overall, 1));
    }

    [Fact]
    public void Llama_3_70B_seed_matches_the_leaderboard_formula_not_the_plain_mean()
    {
        var leaderboard = RewardBenchScores.LeaderboardV1(97.6, 58.9, 69.2, 78.5, 70.4);
        Assert.Equal(75.4, Math.Round(leaderboard, 1));
        Assert.Equal(76.05, RewardBenchScores.FourSectionMean(97.6, 58.9, 69.2, 78.5), 9);
    }

    [Fact]
    public void ArmoRM_leaderboard_row_rounds_to_the_published_89_0()
    {
        var leaderboard = RewardBenchScores.LeaderboardV1(96.9, 76.8, 92.2, 97.3, 74.3);
        Assert.Equal(88.97, Math.Round(leaderboard, 2));
        Assert.Equal(89.0, Math.Round(leaderboard, 1));
    }

    [Fact]
    public void Sections_are_example_count_weighted_means_with_math_prm_at_984()
    {
        var accuracies = new Dictionary<string, double>
        {
            ["math-prm"] = 0.5,
            ["hep-cpp"] = 1, ["hep-go"] = 1, ["hep-java"] = 1, ["hep-js"] = 1, ["hep-python"] = 1, ["hep-rust"] = 1,
            ["llmbar-natural"] = 1, ["llmbar-adver-neighbor"] = 0.5, ["llmbar-adver-GPTInst"] = 0.25,
            ["llmbar-adver-GPTOut"] = 0, ["llmbar-adver-manual"] = 1,
        };

        var report = RewardBenchScores.Compute(accuracies);

        // Math (984) weighs as much as the six hep subsets (6 x 164) together; weighting by its 447 rows would give 0.844.
        Assert.Equal((0.5 * 984 + 6 * 164) / (984.0 + 6 * 164), report.Section(RewardBenchConstants.Reasoning)!.Score, 12);
        Assert.Equal(0.75, report.Section(RewardBenchConstants.Reasoning)!.Score, 12);
        Assert.True(report.Section(RewardBenchConstants.Reasoning)!.IsComplete);

        var chatHard = report.Section(RewardBenchConstants.ChatHard)!;
        Assert.Equal((100 * 1 + 134 * 0.5 + 92 * 0.25 + 47 * 0 + 46 * 1) / 419.0, chatHard.Score, 12);
        Assert.Equal(["mt-bench-hard"], chatHard.MissingSubsets);
        Assert.False(chatHard.IsComplete);
    }

    [Fact]
    public void Llmbar_only_data_gives_a_partial_chat_hard_and_no_overall()
    {
        var llmbar = RewardBenchConstants.SubsetMapping[RewardBenchConstants.ChatHard].Where(s => s.StartsWith("llmbar", StringComparison.Ordinal));

        var report = RewardBenchScores.Compute(llmbar.ToDictionary(s => s, _ => 0.8));

        var section = Assert.Single(report.Sections);
        Assert.Equal(RewardBenchConstants.ChatHard, section.Name);
        Assert.Equal(0.8, section.Score, 12);
        Assert.Equal(5, section.EvaluatedSubsets.Count);
        Assert.Null(report.Section(RewardBenchConstants.Chat));
        Assert.Null(report.PriorSets);
        Assert.False(report.IsComplete);
        Assert.Null(report.FourSectionMean);
        Assert.Null(report.LeaderboardV1);
    }

    [Fact]
    public void Full_report_gives_both_overall_conventions()
    {
        var all = RewardBenchConstants.ExampleCounts.Keys.ToDictionary(s => s, _ => 0.9);
        foreach (var prior in RewardBenchConstants.PriorSets)
        {
            all[prior] = prior == "shp" ? 0.2 : 0.6;
        }

        var report = RewardBenchScores.Compute(all);

        Assert.True(report.IsComplete);
        Assert.Equal(0.9, report.FourSectionMean!.Value, 12);
        Assert.Equal(0.5, report.PriorSets!.Score, 12);
        Assert.Equal((4 * 0.9 + 0.5 * 0.5) / 4.5, report.LeaderboardV1!.Value, 12);
    }

    [Theory]
    [InlineData("llmbar-adver-gptinst", 0.5)]
    [InlineData("pku_safer", 0.5)]
    [InlineData("llmbar-natural", 85.0)]
    [InlineData("llmbar-natural", double.NaN)]
    public void Unknown_subsets_and_percentages_are_rejected(string subset, double accuracy) =>
        Assert.ThrowsAny<ArgumentException>(() => RewardBenchScores.Compute(new Dictionary<string, double> { [subset] = accuracy }));

    [Fact]
    public void Subset_accuracies_come_from_evaluation_rows()
    {
        var rows = new[]
        {
            Judgments.Result("1", Data.PresentationOrder.ChosenFirst, Data.Verdict.A, "llmbar-natural"),
            Judgments.Result("2", Data.PresentationOrder.ChosenFirst, null, "llmbar-natural"),
            Judgments.Result("3", Data.PresentationOrder.ChosenSecond, Data.Verdict.A, "hep-go"),
        };

        var bySubset = PairwiseAccuracy.BySubset(rows);

        Assert.Equal(0.75, bySubset["llmbar-natural"]);
        Assert.Equal(0.0, bySubset["hep-go"]);
    }
}
