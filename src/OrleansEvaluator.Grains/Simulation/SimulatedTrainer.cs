using OrleansEvaluator.Training;

namespace OrleansEvaluator.Grains.Simulation;

/// <summary>A trainer that takes a fixed time and returns its base model unchanged (orchestration benchmarks).</summary>
public sealed class SimulatedTrainer(TimeSpan duration) : IModelTrainer
{
    public async Task<TrainingOutcome> TrainAsync(TrainingJob job, IProgress<string>? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        await Task.Delay(duration, cancellationToken);
        File.Copy(job.BaseModelPath, job.OutputPath, overwrite: true);
        return new TrainingOutcome(job.OutputPath, 1, 0);
    }
}
