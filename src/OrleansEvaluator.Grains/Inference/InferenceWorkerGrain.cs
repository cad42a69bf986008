using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using OrleansEvaluator.Generation;
using OrleansEvaluator.Grains.Placement;

namespace OrleansEvaluator.Grains.Inference;

/// <summary>
/// Runs on worker silos only; activations spread over them at random. Reentrant, so the calls an activation holds
/// are all in the engine at once, and every activation on a silo feeds the same engine, which batches them together.
/// Holds no state, so a lost silo costs only the calls in flight there.
/// </summary>
[SiloRoleFilter(SiloRoles.Worker)]
[RandomPlacement]
[Orleans.Concurrency.Reentrant]
public sealed class InferenceWorkerGrain(SiloModelHost host, ILocalSiloDetails silo, ISiloMetadataCache metadata) : Grain, IInferenceWorkerGrain
{
    public Task<GenerationResult> GenerateAsync(GenerationRequest request) => host.GenerateAsync(request, CancellationToken.None);

    public Task<GenerationResult> GenerateWithAsync(ModelVersion model, GenerationRequest request) => host.GenerateAsync(model, request, CancellationToken.None);

    public Task<WorkerDescription> DescribeAsync()
    {
        var roles = SiloRoleMetadata.RolesOf(metadata, silo.SiloAddress);
        return Task.FromResult(new WorkerDescription(silo.SiloAddress.ToString(), roles, host.Engine.Models.Select(m => m.Id).ToArray()));
    }
}
