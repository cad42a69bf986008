using MessagePack;

namespace OrleansEvaluator.Data;

/// <summary>The judge prompt of a pair in one order exactly as the judge model read it (what training repeats).</summary>
[MessagePackObject]
public sealed record JudgedPrompt([property: Key(0)] string PairId, [property: Key(1)] PresentationOrder Order, [property: Key(2)] string Prompt);
