using OrleansEvaluator.Runs;

namespace OrleansEvaluator.Grains.Pipeline;

/// <summary>A run's persisted state: where it is, and the artifact ids and counts of every finished stage.</summary>
[GenerateSerializer, Alias("oeval.RunState")]
public sealed class RunState
{
    [Id(0)] public RunSubmission? Submission { get; set; }
    [Id(1)] public RunPhase Phase { get; set; }
    [Id(2)] public int Iteration { get; set; }
    [Id(3)] public string? Error { get; set; }
    [Id(4)] public int Retries { get; set; }
    [Id(5)] public int StageFailures { get; set; }
    [Id(6)] public string? InstructionsArtifact { get; set; }
    [Id(7)] public int Instructions { get; set; }
    [Id(8)] public int MalformedLines { get; set; }
    [Id(9)] public List<string> ShardInputs { get; set; } = [];
    [Id(10)] public int Selected { get; set; }
    [Id(11)] public Dictionary<string, string> Benchmarks { get; set; } = new(StringComparer.Ordinal);
    [Id(12)] public ModelVersion? Generator { get; set; }
    [Id(13)] public ModelVersion? FirstJudge { get; set; }
    [Id(14)] public string? SeedModel { get; set; }
    [Id(15)] public List<ShardReport> PairShards { get; set; } = [];
    [Id(16)] public List<IterationReport> Reports { get; set; } = [];
    [Id(17)] public bool CancelRequested { get; set; }
    [Id(18)] public DateTimeOffset Created { get; set; }
    [Id(19)] public DateTimeOffset Updated { get; set; }

    /// <summary>Judges by iteration: [0] judges iteration 1 and is scored as iteration 0; [i] is M(i).</summary>
    [Id(20)] public List<ModelVersion> Judges { get; set; } = [];

    /// <summary>The phase a failed run stopped in; resuming starts there.</summary>
    [Id(21)] public RunPhase? FailedIn { get; set; }

    /// <summary>The replay rows (<c>training.replay</c>) as read at ingest, when the run has them.</summary>
    [Id(22)] public string? ReplayArtifact { get; set; }
}
