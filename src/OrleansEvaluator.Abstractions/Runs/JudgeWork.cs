using OrleansEvaluator.Grains;

namespace OrleansEvaluator.Runs;

/// <summary>A shard's judging of its pairs in one iteration.</summary>
/// <param name="Iteration">1, 2, …; the judge is M(iteration − 1).</param>
/// <param name="PairsArtifact">The shard's pairs.</param>
/// <param name="Judge">The judge version.</param>
/// <param name="Sampling">Samples per pair and order, temperature, …</param>
/// <param name="BothOrders">Judge each pair in both orders; otherwise in one seeded order.</param>
/// <param name="Seed">The run's seed.</param>
[GenerateSerializer, Immutable, Alias("oeval.JudgeWork")]
public sealed record JudgeWork(
    [property: Id(0)] int Iteration,
    [property: Id(1)] string PairsArtifact,
    [property: Id(2)] ModelVersion Judge,
    [property: Id(3)] SamplingSettings Sampling,
    [property: Id(4)] bool BothOrders,
    [property: Id(5)] ulong Seed)
{
    /// <summary>The judge template text; null for the built-in default.</summary>
    [Id(6)]
    public string? JudgeTemplate { get; init; }
}
