namespace OrleansEvaluator.Training;

/// <summary>
/// The port through which the system fine-tunes a model: SFT JSONL and a base GGUF in, a new GGUF out. Implemented
/// in process (ggml-opt) and by an external command for models the in-process trainer cannot hold.
/// </summary>
public interface IModelTrainer
{
    /// <summary>Runs one training job to completion and returns where the model was written.</summary>
    /// <exception cref="ArgumentException">The job is invalid; the message names the field.</exception>
    /// <exception cref="OperationCanceledException">The job was cancelled.</exception>
    Task<TrainingOutcome> TrainAsync(TrainingJob job, IProgress<string>? log = null, CancellationToken cancellationToken = default);
}
