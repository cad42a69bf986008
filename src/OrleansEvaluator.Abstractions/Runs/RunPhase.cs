namespace OrleansEvaluator.Runs;

/// <summary>Where a run is in its state machine; persisted after every transition.</summary>
public enum RunPhase
{
    /// <summary>Submitted, not started.</summary>
    Pending = 0,

    /// <summary>Reading the inputs into artifacts.</summary>
    Ingest = 1,

    /// <summary>Choosing the instructions and cutting them into shards.</summary>
    Select = 2,

    /// <summary>Building the preference pairs (once per run).</summary>
    Synthesize = 3,

    /// <summary>Sampling judgments of every pair with the current judge.</summary>
    Judge = 4,

    /// <summary>Rejection sampling: one correct judgment per pair, balanced.</summary>
    Accept = 5,

    /// <summary>Fine-tuning the next judge.</summary>
    Train = 6,

    /// <summary>Making the new judge the current version.</summary>
    Publish = 7,

    /// <summary>Scoring a judge on the held-out benchmarks.</summary>
    Evaluate = 8,

    /// <summary>Done.</summary>
    Completed = 9,

    /// <summary>Stopped by an error that retrying did not cure; <see cref="RunStatus.Error"/> says which.</summary>
    Failed = 10,

    /// <summary>Stopped on request.</summary>
    Cancelled = 11,
}
