namespace OrleansEvaluator.Runs;

/// <summary>A judge's score on one held-out benchmark.</summary>
/// <param name="Benchmark">The benchmark's name.</param>
/// <param name="Items">Items judged (ties excluded).</param>
/// <param name="Accuracy">Mean score over every judged order (an unparseable verdict scores 0.5); null with no items.</param>
/// <param name="ConsistentAccuracy">Share of items judged right in both orders; null when not judged in both.</param>
/// <param name="FlipRate">Share of items whose verdict changed with the order; null when not judged in both.</param>
/// <param name="ParseFailures">Judgments without a verdict.</param>
/// <param name="VerdictsA">Judgments that answered A.</param>
/// <param name="VerdictsB">Judgments that answered B.</param>
/// <param name="ResultsArtifact">The artifact holding every evaluation row.</param>
[GenerateSerializer, Immutable, Alias("oeval.BenchmarkScore")]
public sealed record BenchmarkScore(
    [property: Id(0)] string Benchmark,
    [property: Id(1)] int Items,
    [property: Id(2)] double? Accuracy,
    [property: Id(3)] double? ConsistentAccuracy,
    [property: Id(4)] double? FlipRate,
    [property: Id(5)] int ParseFailures,
    [property: Id(6)] int VerdictsA,
    [property: Id(7)] int VerdictsB,
    [property: Id(8)] string ResultsArtifact)
{
    /// <summary>Accuracy per subset (section), when the benchmark has subsets.</summary>
    [Id(9)]
    public IReadOnlyDictionary<string, double> Subsets { get; init; } = new Dictionary<string, double>();
}
