using Orleans.TestingHost;

namespace OrleansEvaluator.Grains.Tests;

/// <summary>Four silos in one process: a coordinator, two workers (each with its own engine) and a trainer.</summary>
public sealed class RoleClusterFixture : IAsyncLifetime
{
    public static readonly string[][] Roles = [[SiloRoles.Coordinator], [SiloRoles.Worker], [SiloRoles.Worker], [SiloRoles.Trainer]];

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: (short)Roles.Length);
        builder.ConfigureSilo((options, silo) =>
        {
            var index = int.Parse(options.SiloName.Split('_')[^1], System.Globalization.CultureInfo.InvariantCulture);
            var roles = Roles[index];
            silo.UseEvaluatorRoles(roles);
            silo.AddMemoryGrainStorage(Registry.ModelRegistryGrain.StorageName);
            if (roles.Contains(SiloRoles.Worker))
            {
                silo.AddInferenceWorker(c => c.Paths["stories"] = SharedModels.Stories260K, e =>
                {
                    e.ContextSize = 4096;
                    e.MaxSequences = 32;
                    e.Threads = 1;
                });
            }
            if (roles.Contains(SiloRoles.Trainer))
                silo.AddTrainer(new OrleansEvaluator.Training.TrainerOptions { ContextLength = 48, Threads = 1 });
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class RoleClusterCollection : ICollectionFixture<RoleClusterFixture>
{
    public const string Name = "role-cluster";
}
