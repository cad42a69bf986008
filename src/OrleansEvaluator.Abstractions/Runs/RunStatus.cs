namespace OrleansEvaluator.Runs;

/// <summary>A run as its coordinator sees it.</summary>
[GenerateSerializer, Alias("oeval.RunStatus")]
public sealed record RunStatus
{
    /// <summary>The run id.</summary>
    [Id(0)] public required string RunId { get; init; }

    /// <summary>Current phase.</summary>
    [Id(1)] public RunPhase Phase { get; init; }

    /// <summary>Current iteration (0 before the first).</summary>
    [Id(2)] public int Iteration { get; init; }

    /// <summary>Iterations configured.</summary>
    [Id(3)] public int Iterations { get; init; }

    /// <summary>The last error: the reason a run failed, or a transient one being retried.</summary>
    [Id(4)] public string? Error { get; init; }

    /// <summary>Instructions read, after de-duplication.</summary>
    [Id(5)] public int Instructions { get; init; }

    /// <summary>Malformed lines skipped in the inputs.</summary>
    [Id(6)] public int MalformedLines { get; init; }

    /// <summary>Instructions selected.</summary>
    [Id(7)] public int Selected { get; init; }

    /// <summary>Pairs built.</summary>
    [Id(8)] public int Pairs { get; init; }

    /// <summary>Instructions for which no pair could be built, by reason.</summary>
    [Id(9)] public IReadOnlyDictionary<string, int> PairFailures { get; init; } = new Dictionary<string, int>();

    /// <summary>Artifacts of the pairs, one per shard.</summary>
    [Id(10)] public IReadOnlyList<string> PairArtifacts { get; init; } = [];

    /// <summary>One report per finished or started iteration, the seed's evaluation first.</summary>
    [Id(11)] public IReadOnlyList<IterationReport> Reports { get; init; } = [];

    /// <summary>Shards finished in the current stage, and shards in all.</summary>
    [Id(12)] public int ShardsDone { get; init; }

    /// <summary>Shards in all.</summary>
    [Id(13)] public int Shards { get; init; }

    /// <summary>Times a stage failed and was retried.</summary>
    [Id(14)] public int Retries { get; init; }

    /// <summary>True when the run will not change any more.</summary>
    public bool IsFinished => Phase is RunPhase.Completed or RunPhase.Failed or RunPhase.Cancelled;
}
