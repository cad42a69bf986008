namespace OrleansEvaluator.Grains.Pipeline;

/// <summary>A shard's persisted stages, by stage key (<c>synthesize</c>, <c>judge/1</c>, …).</summary>
[GenerateSerializer, Alias("oeval.ShardState")]
public sealed class ShardState
{
    [Id(0)]
    public Dictionary<string, StageProgress> Stages { get; set; } = new(StringComparer.Ordinal);
}
