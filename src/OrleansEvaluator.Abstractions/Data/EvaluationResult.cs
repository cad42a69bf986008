using System.Text.Json.Serialization;
using MessagePack;

namespace OrleansEvaluator.Data;

/// <summary>One judge call on one evaluation item in one order.</summary>
[MessagePackObject]
public sealed record EvaluationResult(
    [property: Key(0)] string ItemId,
    [property: Key(1)] string Benchmark,
    [property: Key(2)] string Subset,
    [property: Key(3)] PresentationOrder Order,
    [property: Key(4)] int SampleIndex,
    [property: Key(5)] string JudgeModel,
    [property: Key(6)] int Iteration,
    [property: Key(7)] string RawText,
    [property: Key(8)] Verdict? Verdict,
    [property: Key(9)] VerdictFailure Failure)
{
    /// <summary>RewardBench scoring: 1 when the verdict picks the chosen answer, 0 when it picks the other, 0.5 when unparseable.</summary>
    [IgnoreMember]
    [JsonIgnore]
    public double Score => Order.Score(Verdict);
}
