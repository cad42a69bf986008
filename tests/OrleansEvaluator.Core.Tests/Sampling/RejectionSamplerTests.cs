using CsCheck;
using OrleansEvaluator.Core.Sampling;
using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Tests.Sampling;

public sealed class RejectionSamplerTests
{
    private static JudgmentSample Sample(string pair, int index, PresentationOrder order, Verdict? verdict) =>
        new(pair, 1, index, order, "m0", verdict is null ? "unsure" : $"reasoning [[{verdict}]]", verdict,
            verdict is null ? VerdictFailure.NoVerdict : VerdictFailure.None);

    /// <summary>Random judgments over up to 40 pairs, 1-15 samples each, any mix of orders and outcomes.</summary>
    private static readonly Gen<JudgmentSample[]> s_samples =
        Gen.Select(Gen.Int[0, 39], Gen.Enum<PresentationOrder>(), Gen.OneOf<Verdict?>(Verdict.A, Verdict.B, null))
            .Array[0, 300]
            .Select(rows => rows
                .GroupBy(r => r.Item1)
                .SelectMany(g => g.Take(15).Select((r, i) => Sample($"p{r.Item1:D2}", i, r.Item2, r.Item3)))
                .ToArray());

    [Fact]
    public void Kept_judgments_are_correct_one_per_pair_balanced_and_every_pair_is_accounted_for()
    {
        s_samples.Sample(samples =>
        {
            var result = RejectionSampler.Select(samples, new RejectionSamplingOptions { Seed = 7 });
            Assert.All(result.Accepted, s => Assert.True(s.IsCorrect));
            Assert.Equal(result.Accepted.Count, result.Accepted.Select(s => s.PairId).Distinct().Count());
            Assert.Equal(result.AcceptedA, result.AcceptedB);
            Assert.Equal(result.Pairs, result.Accepted.Count + result.Drops.Values.Sum());
            Assert.Equal(samples.Length, result.Samples);
        }, iter: 300);
    }

    [Fact]
    public void Per_order_keeps_one_correct_judgment_per_pair_and_order_and_accounts_for_each()
    {
        s_samples.Sample(samples =>
        {
            var result = RejectionSampler.Select(samples, new RejectionSamplingOptions { Seed = 7, PerOrder = true, BalanceVerdicts = false });
            Assert.All(result.Accepted, s => Assert.True(s.IsCorrect));
            var units = samples.Select(s => (s.PairId, s.Order)).Distinct().ToList();
            Assert.Equal(units.Count, result.Pairs);
            Assert.Equal(result.Pairs, result.Accepted.Count + result.Drops.Values.Sum());
            Assert.Equal(result.Accepted.Count, result.Accepted.Select(s => (s.PairId, s.Order)).Distinct().Count());
            // Every pair and order with a correct sample is kept.
            Assert.Equal(units.Count(u => samples.Any(s => (s.PairId, s.Order) == u && s.IsCorrect)), result.Accepted.Count);
        }, iter: 300);

        // Both orders right: two judgments of one pair are kept, one per order; per pair, one.
        JudgmentSample[] both = [Sample("p", 0, PresentationOrder.ChosenFirst, Verdict.A), Sample("p", 1, PresentationOrder.ChosenSecond, Verdict.B)];
        Assert.Equal(2, RejectionSampler.Select(both, new RejectionSamplingOptions { PerOrder = true }).Accepted.Count);
        Assert.Single(RejectionSampler.Select(both, new RejectionSamplingOptions { BalanceVerdicts = false }).Accepted);
    }

    [Fact]
    public void The_same_seed_gives_the_same_selection_whatever_the_input_order()
    {
        s_samples.Select(Gen.Int).Sample((samples, shuffleSeed) =>
        {
            var options = new RejectionSamplingOptions { Seed = 42 };
            var shuffled = samples.ToArray();
            new Random(shuffleSeed).Shuffle(shuffled);
            Assert.Equal(RejectionSampler.Select(samples, options).Accepted, RejectionSampler.Select(shuffled, options).Accepted);
        }, iter: 200);
    }

    [Fact]
    public void The_choice_among_correct_samples_depends_on_the_seed()
    {
        var samples = Enumerable.Range(0, 50).SelectMany(p => Enumerable.Range(0, 6).Select(i => Sample($"p{p}", i, PresentationOrder.ChosenFirst, Verdict.A))).ToArray();
        var one = RejectionSampler.Select(samples, new RejectionSamplingOptions { Seed = 1, BalanceVerdicts = false });
        var two = RejectionSampler.Select(samples, new RejectionSamplingOptions { Seed = 2, BalanceVerdicts = false });
        Assert.Equal(50, one.Accepted.Count);
        Assert.NotEqual(one.Accepted.Select(s => s.SampleIndex), two.Accepted.Select(s => s.SampleIndex));
        // The pick is spread over the correct samples, not always the first.
        Assert.True(one.Accepted.Select(s => s.SampleIndex).Distinct().Count() >= 4);
    }

    [Fact]
    public void Wrong_ties_and_unparseable_samples_are_never_kept_and_each_drop_has_its_reason()
    {
        var tie = new JudgmentSample("tie", 1, 0, PresentationOrder.ChosenFirst, "m0", "[[C]]", null, VerdictFailure.Tie);
        var samples = new[]
        {
            Sample("wrong", 0, PresentationOrder.ChosenFirst, Verdict.B), Sample("wrong", 1, PresentationOrder.ChosenSecond, Verdict.A),
            Sample("unparseable", 0, PresentationOrder.ChosenFirst, null), tie,
            Sample("weak", 0, PresentationOrder.ChosenFirst, Verdict.A), Sample("weak", 1, PresentationOrder.ChosenFirst, Verdict.B),
            Sample("weak", 2, PresentationOrder.ChosenFirst, Verdict.B),
            Sample("strong-a", 0, PresentationOrder.ChosenFirst, Verdict.A), Sample("strong-a", 1, PresentationOrder.ChosenFirst, Verdict.A),
            Sample("strong-a2", 0, PresentationOrder.ChosenFirst, Verdict.A),
            Sample("strong-b", 0, PresentationOrder.ChosenSecond, Verdict.B),
        };
        var result = RejectionSampler.Select(samples, new RejectionSamplingOptions { Seed = 3, MajorityThreshold = 0.5 });

        Assert.Equal(3, result.Drops[DropReason.NoCorrectSample]); // wrong, unparseable, tie
        Assert.Equal(1, result.Drops[DropReason.BelowMajority]);   // weak: 1 of 3 correct
        Assert.Equal(1, result.Drops[DropReason.Balance]);         // two A against one B
        Assert.Equal(2, result.Accepted.Count);
        Assert.Equal((1, 1), (result.AcceptedA, result.AcceptedB));
        Assert.Equal(2, result.UnparseableSamples);
        Assert.Equal(5, result.CorrectSamples);
    }

    [Fact]
    public void Bad_options_and_mixed_iterations_are_refused()
    {
        Assert.Contains("MajorityThreshold", Assert.Throws<ArgumentException>(() =>
            RejectionSampler.Select([], new RejectionSamplingOptions { MajorityThreshold = 1.5 })).Message, StringComparison.Ordinal);
        var mixed = new[] { Sample("p", 0, PresentationOrder.ChosenFirst, Verdict.A), Sample("p", 1, PresentationOrder.ChosenFirst, Verdict.A) with { Iteration = 2 } };
        Assert.Throws<ArgumentException>(() => RejectionSampler.Select(mixed, new RejectionSamplingOptions()));
    }

    [Fact]
    public void Dpo_rows_pair_correct_with_wrong_judgments_up_to_the_limit_and_sft_rows_mask_the_prompt()
    {
        var samples = new[]
        {
            Sample("p", 0, PresentationOrder.ChosenFirst, Verdict.A), Sample("p", 1, PresentationOrder.ChosenFirst, Verdict.A),
            Sample("p", 2, PresentationOrder.ChosenFirst, Verdict.B), Sample("p", 3, PresentationOrder.ChosenFirst, null),
        };
        var rows = TrainingSetBuilder.Dpo("prompt", samples, pairsPerPrompt: 3, seed: 5);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.EndsWith("[[A]]", r.Chosen, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.DoesNotContain("[[A]]", r.Rejected, StringComparison.Ordinal));
        Assert.Equal(rows, TrainingSetBuilder.Dpo("prompt", samples, 3, 5));
        Assert.Empty(TrainingSetBuilder.Dpo("prompt", samples[..2], 3, 5));

        var trace = TrainingSetBuilder.Trace(samples[0], "prompt");
        var sft = TrainingSetBuilder.Sft(trace);
        Assert.True(sft.AnswerOnlyLoss);
        Assert.Equal(("prompt", samples[0].RawText), (sft.Prompt, sft.Target));
        Assert.Throws<ArgumentException>(() => TrainingSetBuilder.Trace(samples[2], "prompt"));
    }
}
