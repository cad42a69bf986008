using OrleansEvaluator.Grains;

namespace OrleansEvaluator.Runs;

/// <summary>Scoring one judge on one benchmark.</summary>
/// <param name="Benchmark">The benchmark's name.</param>
/// <param name="ItemsArtifact">Its items (<see cref="OrleansEvaluator.Data.PairwiseItem"/> records).</param>
/// <param name="Judge">The judge version.</param>
/// <param name="Sampling">Usually one greedy sample.</param>
/// <param name="BothOrders">Judge each item in both orders.</param>
/// <param name="Seed">The run's seed (picks the order when only one is judged).</param>
[GenerateSerializer, Immutable, Alias("oeval.EvaluationWork")]
public sealed record EvaluationWork(
    [property: Id(0)] string Benchmark,
    [property: Id(1)] string ItemsArtifact,
    [property: Id(2)] ModelVersion Judge,
    [property: Id(3)] SamplingSettings Sampling,
    [property: Id(4)] bool BothOrders,
    [property: Id(5)] ulong Seed)
{
    /// <summary>The judge template text; null for the built-in default.</summary>
    [Id(6)]
    public string? JudgeTemplate { get; init; }
}
