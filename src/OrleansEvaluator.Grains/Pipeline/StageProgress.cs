namespace OrleansEvaluator.Grains.Pipeline;

/// <summary>A stage's persisted progress in one shard: which work it is for, finished chunks, and the final report.</summary>
[GenerateSerializer, Alias("oeval.StageProgress")]
public sealed class StageProgress
{
    /// <summary>Fingerprint of the work; a different work for the same stage starts over.</summary>
    [Id(0)]
    public string WorkKey { get; set; } = "";

    /// <summary>Finished chunks by index.</summary>
    [Id(1)]
    public Dictionary<int, ChunkResult> Chunks { get; set; } = [];

    /// <summary>Set when every chunk is done and the shard's artifact is written.</summary>
    [Id(2)]
    public OrleansEvaluator.Runs.ShardReport? Report { get; set; }
}
