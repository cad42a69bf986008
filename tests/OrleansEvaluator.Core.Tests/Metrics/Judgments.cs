using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Tests.Metrics;

/// <summary>Builds judgment rows with only the fields the metrics read.</summary>
internal static class Judgments
{
    public static EvaluationResult Result(
        string itemId, PresentationOrder order, Verdict? verdict, string subset = "llmbar-natural", int sample = 0,
        VerdictFailure? failure = null) =>
        new(itemId, "bench", subset, order, sample, "judge", 0, "", verdict,
            failure ?? (verdict is null ? VerdictFailure.NoVerdict : VerdictFailure.None));

    /// <summary>A row whose verdict names the chosen response (true), the rejected one (false) or nothing (null).</summary>
    public static EvaluationResult Picks(string itemId, PresentationOrder order, bool? picksChosen, int sample = 0) =>
        Result(itemId, order, picksChosen switch
        {
            true => order.CorrectVerdict(),
            false => order.Swapped().CorrectVerdict(),
            null => null,
        }, sample: sample);
}
