using MessagePack;

namespace OrleansEvaluator.Data;

/// <summary>A supervised fine-tuning row. With <see cref="AnswerOnlyLoss"/>, only <see cref="Target"/> tokens carry loss.</summary>
[MessagePackObject]
public sealed record SftExample(
    [property: Key(0)] string Id,
    [property: Key(1)] string Prompt,
    [property: Key(2)] string Target,
    [property: Key(3)] bool AnswerOnlyLoss);
