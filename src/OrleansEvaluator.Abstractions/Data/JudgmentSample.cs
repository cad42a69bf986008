using System.Text.Json.Serialization;
using MessagePack;

namespace OrleansEvaluator.Data;

/// <summary>
/// One sampled judgment of a pair, kept whatever its outcome (the wrong and unparseable ones are DPO negatives
/// and metrics). <see cref="Verdict"/> is null exactly when <see cref="Failure"/> is not <see cref="VerdictFailure.None"/>.
/// </summary>
[MessagePackObject]
public sealed record JudgmentSample(
    [property: Key(0)] string PairId,
    [property: Key(1)] int Iteration,
    [property: Key(2)] int SampleIndex,
    [property: Key(3)] PresentationOrder Order,
    [property: Key(4)] string JudgeModel,
    [property: Key(5)] string RawText,
    [property: Key(6)] Verdict? Verdict,
    [property: Key(7)] VerdictFailure Failure)
{
    /// <summary>True when the verdict picks the better answer.</summary>
    [IgnoreMember]
    [JsonIgnore]
    public bool IsCorrect => Verdict == Order.CorrectVerdict();
}
