using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrleansEvaluator.Grains;
using OrleansEvaluator.Grains.Inference;
using OrleansEvaluator.Grains.Placement;
using Orleans.Placement;
using Orleans.Runtime.Hosting;
using Orleans.Runtime.MembershipService.SiloMetadata;
using OrleansEvaluator.Inference.Configuration;
using OrleansEvaluator.Training;

namespace Orleans.Hosting;

/// <summary>Silo wiring for OrleansEvaluator.</summary>
public static class EvaluatorSiloBuilderExtensions
{
    /// <summary>Environment variable with a silo's roles, comma-separated (e.g. <c>coordinator,worker,trainer</c>).</summary>
    public const string RolesEnvironmentVariable = "OEVAL_ROLES";

    /// <summary>
    /// Publishes this silo's roles as silo metadata and installs the placement filter that pins grains to roles.
    /// Every silo of the cluster must call it.
    /// </summary>
    /// <exception cref="ArgumentException">No role, or a role that is not one of <see cref="SiloRoles.All"/>.</exception>
    public static ISiloBuilder UseEvaluatorRoles(this ISiloBuilder silo, IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(roles);
        var list = SiloRoles.Parse(roles);
        silo.UseSiloMetadata(new Dictionary<string, string> { [SiloRoles.MetadataKey] = string.Join(',', list) });
        // Transient: each grain type gets its own strategy instance carrying its own role.
        silo.Services.AddPlacementFilter<SiloRoleFilterStrategy, SiloRoleFilterDirector>(ServiceLifetime.Transient);
        return silo;
    }

    /// <summary>
    /// Keeps grain state under <paramref name="folder"/> (embedded mode): state survives the process, so an
    /// interrupted run resumes. Registered under the storage name the grains use.
    /// </summary>
    public static ISiloBuilder AddEvaluatorFileStorage(this ISiloBuilder silo, string folder)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        silo.Services.AddGrainStorage(OrleansEvaluator.Grains.Registry.ModelRegistryGrain.StorageName,
            (sp, _) => new OrleansEvaluator.Hosting.Storage.FileGrainStorage(folder, sp.GetRequiredService<Orleans.Serialization.Serializer>()));
        return silo;
    }

    /// <summary>
    /// Makes this silo a trainer: <see cref="ITrainerGrain"/> activations run here with the in-process trainer, or with
    /// <paramref name="external"/> when given (for models this process cannot hold).
    /// </summary>
    public static ISiloBuilder AddTrainer(this ISiloBuilder silo, TrainerOptions? defaults = null, ExternalTrainerOptions? external = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.TryAddSingleton<IModelTrainer>(external is null
            ? new InProcessTrainer(defaults ?? new TrainerOptions())
            : new ExternalCommandTrainer(external));
        return silo;
    }

    /// <summary>
    /// Makes this silo an inference worker: one <see cref="OrleansEvaluator.Inference.Llama.LlamaEngine"/> for the
    /// silo, loading models from the catalog on first use. Options are validated at start.
    /// </summary>
    public static ISiloBuilder AddInferenceWorker(this ISiloBuilder silo, Action<ModelCatalogOptions> catalog, Action<LlamaEngineOptions>? engine = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(catalog);
        silo.Services.AddLlamaEngine(engine);
        silo.Services.AddOptions<ModelCatalogOptions>().Configure(catalog).ValidateOnStart();
        silo.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ModelCatalogOptions>, ModelCatalogOptionsValidator>());
        silo.Services.TryAddSingleton<SiloModelHost>();
        return silo;
    }
}
