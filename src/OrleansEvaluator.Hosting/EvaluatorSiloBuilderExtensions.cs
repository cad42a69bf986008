using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using OrleansEvaluator.Artifacts;
using OrleansEvaluator.Core.Artifacts;
using OrleansEvaluator.Grains;
using OrleansEvaluator.Grains.Inference;
using OrleansEvaluator.Grains.Placement;
using Orleans.Placement;
using Orleans.Runtime.Hosting;
using Orleans.Runtime.MembershipService.SiloMetadata;
using OrleansEvaluator.Hosting.Configuration;
using OrleansEvaluator.Hosting.Storage;
using OrleansEvaluator.Inference.Configuration;
using OrleansEvaluator.Training;

namespace Orleans.Hosting;

/// <summary>Silo wiring for OrleansEvaluator.</summary>
public static class EvaluatorSiloBuilderExtensions
{
    /// <summary>Environment variable with a silo's roles, comma-separated (e.g. <c>coordinator,worker,trainer</c>).</summary>
    public const string RolesEnvironmentVariable = "OEVAL_ROLES";

    /// <summary>Environment variable with the Azure Storage connection string of cluster mode (<c>oeval silo --azure</c>'s default).</summary>
    public const string AzureStorageEnvironmentVariable = "OEVAL_AZURE_STORAGE";

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
    /// interrupted run resumes. Registered under the storage name the grains use. Artifacts are not included; see
    /// <see cref="AddEvaluatorLocalStorage"/>.
    /// </summary>
    public static ISiloBuilder AddEvaluatorFileStorage(this ISiloBuilder silo, string folder)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        silo.Services.AddGrainStorage(OrleansEvaluator.Grains.Registry.ModelRegistryGrain.StorageName,
            (sp, _) => new FileGrainStorage(folder, sp.GetRequiredService<Orleans.Serialization.Serializer>()));
        return silo;
    }

    /// <summary>
    /// Embedded mode's storage in one folder: grain state as files under <paramref name="folder"/> (as
    /// <see cref="AddEvaluatorFileStorage"/>) and <see cref="IArtifactStore"/> as a <see cref="LocalArtifactStore"/>
    /// in <c>folder/artifacts</c>.
    /// </summary>
    public static ISiloBuilder AddEvaluatorLocalStorage(this ISiloBuilder silo, string folder)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        silo.AddEvaluatorFileStorage(folder);
        var artifacts = Path.Combine(Path.GetFullPath(folder), "artifacts");
        silo.Services.AddSingleton<IArtifactStore>(_ => new LocalArtifactStore(artifacts));
        return silo;
    }

    /// <summary>
    /// Cluster mode's storage in one Azure Storage account (or Azurite): membership in an Azure table (clustering),
    /// grain state in an Azure table under the storage name the grains use, and <see cref="IArtifactStore"/> as an
    /// <see cref="AzureBlobArtifactStore"/>. Options are validated when first used, every failing field named.
    /// Endpoints are the caller's (<c>ConfigureEndpoints</c>).
    /// </summary>
    public static ISiloBuilder AddEvaluatorAzureStorage(this ISiloBuilder silo, Action<AzureStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configure);
        silo.Services.AddOptions<AzureStorageOptions>().Configure(configure).ValidateOnStart();
        silo.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureStorageOptions>, AzureStorageOptionsValidator>());
        // IOptions<AzureStorageOptions>.Value runs the validator, so a bad setting fails here with its field named.
        silo.UseAzureStorageClustering(b => b.Configure<IOptions<AzureStorageOptions>>((o, azure) =>
        {
            o.TableServiceClient = new TableServiceClient(azure.Value.ConnectionString);
            o.TableName = azure.Value.ClusteringTable;
        }));
        silo.AddAzureTableGrainStorage(OrleansEvaluator.Grains.Registry.ModelRegistryGrain.StorageName, b => b.Configure<IOptions<AzureStorageOptions>, Orleans.Serialization.Serializer>((o, azure, serializer) =>
        {
            o.TableServiceClient = new TableServiceClient(azure.Value.ConnectionString);
            o.TableName = azure.Value.GrainStateTable;
            // The grains' own serializers, as in embedded mode: the default JSON one cannot read back read-only
            // collections in persisted records.
            o.GrainStorageSerializer = new Orleans.Storage.OrleansGrainStorageSerializer(serializer);
        }));
        silo.Services.AddSingleton<IArtifactStore>(sp =>
        {
            var azure = sp.GetRequiredService<IOptions<AzureStorageOptions>>().Value;
            return new AzureBlobArtifactStore(new BlobContainerClient(azure.ConnectionString, azure.ArtifactContainer), azure.ArtifactTempFolder);
        });
        return silo;
    }

    /// <summary>
    /// Failure detection in about a second instead of about six (a killed silo) or a minute (a hung one): short probe
    /// and table-refresh timeouts, and one vote enough to declare a silo dead. For tests and development clusters; it
    /// trades false suspicions under load for speed.
    /// </summary>
    public static ISiloBuilder UseEvaluatorFastFailureDetection(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
            o.NumVotesForDeathDeclaration = 1;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
        });
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
        silo.Services.TryAddSingleton<IWorkerBackend>(sp => sp.GetRequiredService<SiloModelHost>());
        return silo;
    }

    /// <summary>
    /// Makes this silo a simulated inference worker: requests take a fixed latency in a fixed number of slots and
    /// return parseable text, so a cluster's orchestration can be measured without a model (<c>oeval bench cluster</c>).
    /// </summary>
    public static ISiloBuilder AddSimulatedInferenceWorker(this ISiloBuilder silo, Action<OrleansEvaluator.Grains.Simulation.SimulatedWorkerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new OrleansEvaluator.Grains.Simulation.SimulatedWorkerOptions();
        configure(options);
        if (options.Validate() is [var problem, ..])
            throw new ArgumentException("Simulated worker: " + problem);
        silo.Services.AddSingleton(Options.Create(options));
        silo.Services.TryAddSingleton<IWorkerBackend, OrleansEvaluator.Grains.Simulation.SimulatedWorkerBackend>();
        return silo;
    }
}
