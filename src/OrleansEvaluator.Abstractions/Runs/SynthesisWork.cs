using OrleansEvaluator.Grains;

namespace OrleansEvaluator.Runs;

/// <summary>A shard's pair synthesis: for each instruction, a good answer, then a modified instruction and its answer.</summary>
[GenerateSerializer, Immutable, Alias("oeval.SynthesisWork")]
public sealed record SynthesisWork(
    [property: Id(0)] string InstructionsArtifact,
    [property: Id(1)] ModelVersion Generator,
    [property: Id(2)] SamplingSettings Answer,
    [property: Id(3)] SamplingSettings Modify,
    [property: Id(4)] ulong Seed)
{
    /// <summary>The answering template text; null for the built-in default.</summary>
    [Id(5)]
    public string? AnswerTemplate { get; init; }

    /// <summary>The modified-instruction template text; null for the built-in default.</summary>
    [Id(6)]
    public string? ModifyTemplate { get; init; }
}
