namespace OrleansEvaluator.Runs;

/// <summary>What a shard produced in one stage.</summary>
/// <param name="Shard">The shard index.</param>
/// <param name="Items">Inputs handled (instructions or pairs).</param>
/// <param name="Produced">Records written (pairs or judgment samples).</param>
/// <param name="Artifact">The artifact with the records.</param>
/// <param name="Failures">Inputs that produced nothing, by reason.</param>
/// <param name="Seconds">Wall time of the stage on this shard (of the last attempt that finished it).</param>
[GenerateSerializer, Immutable, Alias("oeval.ShardReport")]
public sealed record ShardReport(
    [property: Id(0)] int Shard,
    [property: Id(1)] int Items,
    [property: Id(2)] int Produced,
    [property: Id(3)] string Artifact,
    [property: Id(4)] IReadOnlyDictionary<string, int> Failures,
    [property: Id(5)] double Seconds)
{
    /// <summary>A second artifact when the stage writes one (judging: the prompts as the judge read them).</summary>
    [Id(6)]
    public string? SecondaryArtifact { get; init; }
}
