using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.MembershipService.SiloMetadata;
using OrleansEvaluator.Artifacts;
using OrleansEvaluator.Core.Formats;
using OrleansEvaluator.Data;
using OrleansEvaluator.Grains.Pipeline;
using OrleansEvaluator.Grains.Placement;
using OrleansEvaluator.Runs;
using OrleansEvaluator.Training;

namespace OrleansEvaluator.Grains.Training;

/// <summary>
/// Runs training jobs on trainer silos with the silo's <see cref="IModelTrainer"/> (in process or an external
/// command). One job at a time per activation: two trainings on the same cores slow each other many times over.
/// Reentrant only so that a repeated stored job (its coordinator restarted) can join the one in progress.
/// </summary>
[SiloRoleFilter(SiloRoles.Trainer)]
[Orleans.Concurrency.Reentrant]
public sealed class TrainerGrain(IModelTrainer trainer, ILocalSiloDetails silo, ISiloMetadataCache metadata, IServiceProvider services)
    : Grain, ITrainerGrain, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, Task<StoredTrainingOutcome>> _stored = new(StringComparer.Ordinal);

    public async Task<TrainingOutcome> TrainAsync(TrainingJob job)
    {
        await _gate.WaitAsync();
        try
        {
            return await trainer.TrainAsync(job, null, CancellationToken.None);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<StoredTrainingOutcome> TrainStoredAsync(StoredTrainingJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var key = StageRunner.KeyOf(job);
        if (!_stored.TryGetValue(key, out var running))
            _stored[key] = running = RunStoredAsync(job);
        try
        {
            return await running;
        }
        catch
        {
            _stored.Remove(key); // a failed job is tried afresh when asked again
            throw;
        }
    }

    private async Task<StoredTrainingOutcome> RunStoredAsync(StoredTrainingJob job)
    {
        var files = services.GetService<ModelFiles>()
            ?? throw new InvalidOperationException("This trainer silo has no artifact store; configure one (local folder or Azure Blob).");
        var store = services.GetRequiredService<IArtifactStore>();
        var basePath = await files.PathOfAsync(job.BaseModel);
        var examples = await store.GetAsync<SftExample>(job.TrainingSet);
        if (examples.Count == 0)
            throw new ArgumentException($"TrainingSet: {job.TrainingSet} holds no examples.");
        var folder = Directory.CreateTempSubdirectory("oeval-train-");
        try
        {
            var data = Path.Combine(folder.FullName, "train.jsonl");
            JsonlFile.Write(data, examples);
            var output = Path.Combine(folder.FullName, "model.gguf");
            var clock = Stopwatch.StartNew();
            var outcome = await TrainAsync(new TrainingJob(basePath, data, output)
            {
                Epochs = job.Epochs, LearningRate = job.LearningRate, LoraRank = job.LoraRank, ContextLength = job.ContextLength, Seed = job.Seed,
                GradientAccumulation = job.GradientAccumulation,
            });
            var model = await files.PutAsync(outcome.ModelPath);
            return new StoredTrainingOutcome(model, outcome.Steps, outcome.FinalLoss, clock.Elapsed.TotalSeconds);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public Task<GrainLocation> LocateAsync()
    {
        var roles = SiloRoleMetadata.RolesOf(metadata, silo.SiloAddress);
        return Task.FromResult(new GrainLocation(silo.SiloAddress.ToString(), roles));
    }

    public void Dispose() => _gate.Dispose();
}
