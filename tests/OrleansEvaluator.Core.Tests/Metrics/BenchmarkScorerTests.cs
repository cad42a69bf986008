using OrleansEvaluator.Core.Metrics;
using OrleansEvaluator.Data;
using static OrleansEvaluator.Core.Tests.Metrics.Judgments;

namespace OrleansEvaluator.Core.Tests.Metrics;

public sealed class BenchmarkScorerTests
{
    private static IEnumerable<EvaluationResult> Votes(string item, PresentationOrder order, string subset, params Verdict?[] verdicts) =>
        verdicts.Select((v, i) => Result(item, order, v, subset, sample: i));

    [Fact]
    public void One_sample_per_order_scores_every_row_with_consistency_subsets_and_counts()
    {
        EvaluationResult[] rows =
        [
            Result("x", PresentationOrder.ChosenFirst, Verdict.A, "s1"), Result("x", PresentationOrder.ChosenSecond, Verdict.B, "s1"), // right twice
            Result("y", PresentationOrder.ChosenFirst, Verdict.A, "s2"), Result("y", PresentationOrder.ChosenSecond, Verdict.A, "s2"), // flip
            Result("z", PresentationOrder.ChosenFirst, null, "s2"), Result("z", PresentationOrder.ChosenSecond, Verdict.A, "s2"),      // unparseable, wrong
        ];

        var score = BenchmarkScorer.Score("bench", 3, rows, "art");

        Assert.Equal((1 + 1 + 1 + 0 + 0.5 + 0) / 6, score.Accuracy!.Value, 12);
        Assert.Equal(1.0 / 3, score.ConsistentAccuracy!.Value, 12);
        Assert.Equal(2.0 / 3, score.FlipRate!.Value, 12);
        Assert.Equal((1, 4, 1), (score.ParseFailures, score.VerdictsA, score.VerdictsB));
        Assert.Equal(1.0, score.Subsets["s1"]);
        Assert.Equal((1 + 0 + 0.5 + 0) / 4, score.Subsets["s2"], 12);
        Assert.Equal(("bench", 3, "art"), (score.Benchmark, score.Items, score.ResultsArtifact));
    }

    [Fact]
    public void One_order_has_no_consistency_and_one_subset_no_breakdown()
    {
        var score = BenchmarkScorer.Score("bench", 2, [Result("x", PresentationOrder.ChosenFirst, Verdict.A), Result("y", PresentationOrder.ChosenSecond, Verdict.A)], "");

        Assert.Equal(0.5, score.Accuracy);
        Assert.Null(score.ConsistentAccuracy);
        Assert.Null(score.FlipRate);
        Assert.Empty(score.Subsets);
    }

    [Fact]
    public void Majority_scores_the_voted_verdict_per_item_and_order()
    {
        var rows = Votes("x", PresentationOrder.ChosenFirst, "s1", Verdict.A, Verdict.A, Verdict.B)       // A wins: right
            .Concat(Votes("x", PresentationOrder.ChosenSecond, "s1", Verdict.B, null, Verdict.B))        // B wins: right
            .Concat(Votes("y", PresentationOrder.ChosenFirst, "s2", Verdict.B, Verdict.B, Verdict.A))    // B wins: wrong
            .Concat(Votes("y", PresentationOrder.ChosenSecond, "s2", Verdict.B, Verdict.A, null))        // split: 0.5
            .ToArray();

        var score = BenchmarkScorer.ScoreMajority("bench", 2, rows, "art");

        Assert.Equal((1 + 1 + 0 + 0.5) / 4, score.Accuracy!.Value, 12);
        Assert.Equal(0.5, score.ConsistentAccuracy); // x right in both orders; y has a split, which never counts as consistent
        Assert.Equal(0.5, score.FlipRate);
        Assert.Equal((1, 1, 2), (score.ParseFailures, score.VerdictsA, score.VerdictsB)); // counts of voted verdicts, not samples
        Assert.Equal(1.0, score.Subsets["s1"]);
        Assert.Equal(0.25, score.Subsets["s2"]);
    }

    [Fact]
    public void A_split_vote_scores_half_like_an_unparseable_verdict()
    {
        var split = BenchmarkScorer.ScoreMajority("bench", 1, [.. Votes("x", PresentationOrder.ChosenSecond, "s", Verdict.A, Verdict.B)], "");
        var none = BenchmarkScorer.ScoreMajority("bench", 1, [.. Votes("x", PresentationOrder.ChosenSecond, "s", null, null, null)], "");

        Assert.Equal(0.5, split.Accuracy);
        Assert.Equal(0.5, none.Accuracy);
        Assert.Equal(1, split.ParseFailures);
        Assert.Equal(1, none.ParseFailures);
    }

    [Fact]
    public void Majority_of_one_sample_equals_the_plain_score()
    {
        var random = new Random(5);
        Verdict?[] verdicts = [Verdict.A, Verdict.B, null];
        var rows = Enumerable.Range(0, 40)
            .SelectMany(i => new[] { PresentationOrder.ChosenFirst, PresentationOrder.ChosenSecond }
                .Select(o => Result($"i{i}", o, verdicts[random.Next(3)], $"s{i % 3}")))
            .ToArray();

        var plain = BenchmarkScorer.Score("bench", 40, rows, "a");
        var voted = BenchmarkScorer.ScoreMajority("bench", 40, rows, "a");

        // Votes are summed in item order, rows in file order: the means agree to rounding.
        Assert.Equal(plain.Accuracy!.Value, voted.Accuracy!.Value, 12);
        Assert.Equal((plain.ConsistentAccuracy, plain.FlipRate, plain.ParseFailures, plain.VerdictsA, plain.VerdictsB),
            (voted.ConsistentAccuracy, voted.FlipRate, voted.ParseFailures, voted.VerdictsA, voted.VerdictsB));
        Assert.Equal(plain.Subsets.Keys.Order(), voted.Subsets.Keys.Order());
        Assert.All(plain.Subsets, s => Assert.Equal(s.Value, voted.Subsets[s.Key], 12));
    }
}
