namespace OrleansEvaluator.Grains.Pipeline;

/// <summary>How shards and evaluations hand work to the workers.</summary>
public sealed class PipelineOptions
{
    /// <summary>Items (instructions, pairs, benchmark items) sent to one worker activation together.</summary>
    public int ChunkSize { get; set; } = 4;

    /// <summary>Chunks a shard keeps in flight at once.</summary>
    public int ChunksInFlight { get; set; } = 8;

    /// <summary>Attempts per chunk before the stage fails (a lost worker costs one attempt).</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>Wait before the first retry of a chunk; doubled per attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest wait between attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>How often a run coordinator checks that its run is moving (and restarts a stalled one).</summary>
    public TimeSpan CoordinatorTick { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Failed attempts of one stage before the run is marked failed.</summary>
    public int MaxStageFailures { get; set; } = 5;

    /// <summary>Resume unfinished runs when a coordinator silo starts (cluster mode).</summary>
    public bool ResumeRunsOnStart { get; set; }

    /// <summary>Where worker and trainer silos keep models fetched from the artifact store.</summary>
    public string ModelCache { get; set; } = Path.Combine(Path.GetTempPath(), "oeval-models");
}
