using OrleansEvaluator.Core.Import;
using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Sampling;

/// <summary>Turns kept judgments into training rows: SFT (loss on the judgment only) and DPO (correct vs wrong judgments).</summary>
public static class TrainingSetBuilder
{
    /// <summary>The accepted trace of a kept sample, with the judge prompt it answered.</summary>
    public static AcceptedTrace Trace(JudgmentSample sample, string prompt)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (sample.Verdict is not { } verdict || !sample.IsCorrect)
            throw new ArgumentException($"Sample {sample.PairId}#{sample.SampleIndex}: only a correct judgment can be a trace.", nameof(sample));
        return new AcceptedTrace(sample.PairId, sample.Iteration, sample.SampleIndex, sample.Order, sample.JudgeModel, prompt, sample.RawText, verdict);
    }

    /// <summary>An SFT row whose loss covers the judgment only; its id derives from its content.</summary>
    public static SftExample Sft(AcceptedTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return new SftExample(TextNormalizer.ContentId("sft", trace.Prompt + "\u0000" + trace.Judgment), trace.Prompt, trace.Judgment, AnswerOnlyLoss: true);
    }

    /// <summary>
    /// DPO rows for one prompt: every correct sample against every wrong or unparseable one, of which at most
    /// <paramref name="pairsPerPrompt"/> are kept at random (seeded by the run's seed and the pair id).
    /// </summary>
    public static IReadOnlyList<DpoPair> Dpo(string prompt, IReadOnlyList<JudgmentSample> samples, int pairsPerPrompt, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfLessThan(pairsPerPrompt, 1);
        var ordered = samples.OrderBy(s => s.Order).ThenBy(s => s.SampleIndex).ToList();
        var positives = ordered.Where(s => s.IsCorrect).ToList();
        var negatives = ordered.Where(s => !s.IsCorrect).ToList();
        if (positives.Count == 0 || negatives.Count == 0)
            return [];
        var key = samples[0].PairId;
        var rows = positives.SelectMany(p => negatives.Select(n => (p, n)))
            .OrderBy(x => StableRandom.Hash(seed, $"dpo|{key}|{x.p.Order}/{x.p.SampleIndex}|{x.n.Order}/{x.n.SampleIndex}"))
            .Take(pairsPerPrompt)
            .Select(x => new DpoPair(TextNormalizer.ContentId("dpo", prompt + "\u0000" + x.p.RawText + "\u0000" + x.n.RawText), prompt, x.p.RawText, x.n.RawText))
            .ToList();
        return rows;
    }
}
