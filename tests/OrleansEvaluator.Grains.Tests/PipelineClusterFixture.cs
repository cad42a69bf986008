using Orleans.TestingHost;
using OrleansEvaluator.Artifacts;
using OrleansEvaluator.Core.Artifacts;
using Microsoft.Extensions.DependencyInjection;

namespace OrleansEvaluator.Grains.Tests;

/// <summary>Three silos in one process — coordinator, worker, trainer — sharing one artifact folder.</summary>
public sealed class PipelineClusterFixture : IAsyncLifetime
{
    public static readonly string[][] Roles = [[SiloRoles.Coordinator], [SiloRoles.Worker], [SiloRoles.Trainer]];

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public string Folder { get; } = Directory.CreateTempSubdirectory("oeval-pipeline-").FullName;

    public LocalArtifactStore Store { get; }

    public PipelineClusterFixture() => Store = new LocalArtifactStore(Path.Combine(Folder, "artifacts"));

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: (short)Roles.Length);
        builder.ConfigureSilo((options, silo) =>
        {
            var index = int.Parse(options.SiloName.Split('_')[^1], System.Globalization.CultureInfo.InvariantCulture);
            var roles = Roles[index];
            silo.UseEvaluatorRoles(roles);
            silo.AddMemoryGrainStorage(Registry.ModelRegistryGrain.StorageName);
            silo.Services.AddSingleton<IArtifactStore>(Store);
            silo.AddEvaluatorPipeline(p =>
            {
                p.ChunkSize = 2;
                p.CoordinatorTick = TimeSpan.FromMilliseconds(200);
                p.ModelCache = Path.Combine(Folder, "model-cache");
            });
            if (roles.Contains(SiloRoles.Worker))
            {
                silo.AddInferenceWorker(_ => { }, e =>
                {
                    e.ContextSize = 8192;
                    e.BatchSize = 512;
                    e.MaxSequences = 32;
                    e.Threads = 2;
                });
            }
            if (roles.Contains(SiloRoles.Trainer))
                silo.AddTrainer(new OrleansEvaluator.Training.TrainerOptions { Threads = 2 });
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
