using MessagePack;

namespace OrleansEvaluator.Data;

/// <summary>The judgment chosen for training from a pair's correct samples, with the prompt it answered.</summary>
[MessagePackObject]
public sealed record AcceptedTrace(
    [property: Key(0)] string PairId,
    [property: Key(1)] int Iteration,
    [property: Key(2)] int SampleIndex,
    [property: Key(3)] PresentationOrder Order,
    [property: Key(4)] string JudgeModel,
    [property: Key(5)] string Prompt,
    [property: Key(6)] string Judgment,
    [property: Key(7)] Verdict Verdict);
