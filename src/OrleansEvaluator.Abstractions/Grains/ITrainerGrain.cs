using OrleansEvaluator.Training;

namespace OrleansEvaluator.Grains;

/// <summary>Fine-tuning on a silo of role <c>trainer</c>, one job at a time per key (the run id).</summary>
public interface ITrainerGrain : IGrainWithStringKey
{
    /// <summary>Runs the job on the silo's trainer; training takes minutes to hours, hence the long timeout.</summary>
    [ResponseTimeout("12:00:00")]
    Task<TrainingOutcome> TrainAsync(TrainingJob job);

    /// <summary>
    /// Runs a job whose inputs and output live in the artifact store. The same job asked for again (a coordinator
    /// that restarted) joins the one in progress or returns its result instead of training twice.
    /// </summary>
    [ResponseTimeout("12:00:00")]
    Task<OrleansEvaluator.Runs.StoredTrainingOutcome> TrainStoredAsync(OrleansEvaluator.Runs.StoredTrainingJob job);

    /// <summary>Where this activation runs.</summary>
    Task<GrainLocation> LocateAsync();
}
