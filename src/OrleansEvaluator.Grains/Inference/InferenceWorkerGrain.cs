using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using OrleansEvaluator.Generation;
using OrleansEvaluator.Grains.Placement;

namespace OrleansEvaluator.Grains.Inference;

/// <summary>
/// Runs on worker silos only. A new activation goes to the less loaded of two worker silos picked at random (by
/// activation count): callers use a fresh activation per chunk of work, so this evens the load out and a silo that
/// joins takes a share at once (random placement scaled 3.0–3.4× on 4 workers in <c>oeval bench cluster</c>, this
/// 3.7×). Reentrant, so the calls an activation holds
/// are all in the engine at once, and every activation on a silo feeds the same engine, which batches them together.
/// Holds no state, so a lost silo costs only the calls in flight there.
/// </summary>
[SiloRoleFilter(SiloRoles.Worker)]
[ActivationCountBasedPlacement]
[Orleans.Concurrency.Reentrant]
public sealed class InferenceWorkerGrain(IWorkerBackend host, ILocalSiloDetails silo, ISiloMetadataCache metadata) : Grain, IInferenceWorkerGrain
{
    public Task<GenerationResult> GenerateAsync(GenerationRequest request) => host.GenerateAsync(request, CancellationToken.None);

    public Task<GenerationResult> GenerateWithAsync(ModelVersion model, GenerationRequest request) => host.GenerateAsync(model, request, CancellationToken.None);

    public Task<WorkerDescription> DescribeAsync()
    {
        var roles = SiloRoleMetadata.RolesOf(metadata, silo.SiloAddress);
        return Task.FromResult(new WorkerDescription(silo.SiloAddress.ToString(), roles, host.LoadedModels));
    }
}
