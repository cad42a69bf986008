using OrleansEvaluator.Runs;

namespace OrleansEvaluator.Grains;

/// <summary>
/// One run's state machine (key: run id): ingest → select → synthesize → evaluate the seed → per iteration judge →
/// accept → train → publish → evaluate. Persisted after every transition and resumed from there.
/// </summary>
public interface IRunCoordinatorGrain : IGrainWithStringKey
{
    /// <summary>Starts the run; submitting the same run again is harmless, a different config under the same id is refused.</summary>
    Task<RunStatus> SubmitAsync(RunSubmission submission);

    /// <summary>Continues an unfinished run from its last persisted stage (a failed run is retried from there).</summary>
    Task<RunStatus> ResumeAsync();

    /// <summary>The run's phase, counts and reports.</summary>
    Task<RunStatus> StatusAsync();

    /// <summary>Stops the run after the work in flight.</summary>
    Task<RunStatus> CancelAsync();
}
