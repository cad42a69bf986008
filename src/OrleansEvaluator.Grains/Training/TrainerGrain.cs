using Orleans.Runtime.MembershipService.SiloMetadata;
using OrleansEvaluator.Grains.Placement;
using OrleansEvaluator.Training;

namespace OrleansEvaluator.Grains.Training;

/// <summary>
/// Runs training jobs on trainer silos with the silo's <see cref="IModelTrainer"/> (in process or an external
/// command). Not reentrant: a run trains one model at a time, and two trainings on the same cores slow each other
/// many times over.
/// </summary>
[SiloRoleFilter(SiloRoles.Trainer)]
public sealed class TrainerGrain(IModelTrainer trainer, ILocalSiloDetails silo, ISiloMetadataCache metadata) : Grain, ITrainerGrain
{
    public Task<TrainingOutcome> TrainAsync(TrainingJob job) => trainer.TrainAsync(job, null, CancellationToken.None);

    public Task<GrainLocation> LocateAsync()
    {
        var roles = SiloRoleMetadata.RolesOf(metadata, silo.SiloAddress);
        return Task.FromResult(new GrainLocation(silo.SiloAddress.ToString(), roles));
    }
}
