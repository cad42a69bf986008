using System.Globalization;
using OrleansEvaluator.Core.Formats;
using OrleansEvaluator.Data;

namespace OrleansEvaluator.Training;

/// <summary><see cref="IModelTrainer"/> on the in-process ggml-opt trainer.</summary>
public sealed class InProcessTrainer(TrainerOptions defaults) : IModelTrainer
{
    public Task<TrainingOutcome> TrainAsync(TrainingJob job, IProgress<string>? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Validate() is [var problem, ..])
            throw new ArgumentException("Training job: " + problem);
        return Task.Run(() =>
        {
            var examples = JsonlFile.Read<SftExample>(job.DataPath, MalformedLinePolicy.Fail).Records;
            var options = new SftRunOptions
            {
                Trainer = defaults with
                {
                    LearningRate = job.LearningRate,
                    ContextLength = job.ContextLength > 0 ? job.ContextLength : defaults.ContextLength,
                    GradientAccumulation = job.GradientAccumulation > 0 ? job.GradientAccumulation : defaults.GradientAccumulation,
                    Lora = job.LoraRank > 0 ? new LoraOptions { Rank = job.LoraRank, Alpha = job.LoraRank, Seed = job.Seed } : null,
                },
                Epochs = job.Epochs, Seed = job.Seed,
            };
            var progress = log is null ? null : new Relay(log);
            var result = SftTrainingRun.Run(job.BaseModelPath, examples, [], options, progress, cancellationToken: cancellationToken);
            // A LoRA job still yields a whole model: the base with the adapter merged in.
            result.Model.Write(job.OutputPath);
            return new TrainingOutcome(job.OutputPath, result.Steps, result.TrainLoss.Count > 0 ? result.TrainLoss[^1] : null);
        }, cancellationToken);
    }

    private sealed class Relay(IProgress<string> log) : IProgress<SftProgress>
    {
        public void Report(SftProgress p) => log.Report(string.Create(CultureInfo.InvariantCulture,
            $"epoch {p.Epoch} step {p.Step}/{p.TotalSteps} loss {p.Loss:F4}{(p.ValidationLoss is { } v ? $" validation {v:F4}" : "")}"));
    }
}
