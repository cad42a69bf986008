using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;
using OrleansEvaluator.Artifacts;
using OrleansEvaluator.Core.Artifacts;
using OrleansEvaluator.Grains.Registry;
using OrleansEvaluator.Hosting.Storage;

namespace OrleansEvaluator.Grains.Tests;

public sealed class FileGrainStorageTests
{
    private static async Task<InProcessTestCluster> StartAsync(string folder, bool withArtifacts = false)
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UseEvaluatorRoles([SiloRoles.Coordinator]);
            if (withArtifacts)
                silo.AddEvaluatorLocalStorage(folder);
            else
                silo.AddEvaluatorFileStorage(folder);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    [Fact]
    public async Task Registry_state_survives_a_restart_of_the_whole_cluster()
    {
        var folder = Directory.CreateTempSubdirectory("oeval-state-").FullName;
        await using (var first = await StartAsync(folder))
        {
            var registry = first.Client.GetGrain<IModelRegistryGrain>("run-restart");
            await registry.PublishAsync("judge", SharedModels.Stories260K);
            await registry.PublishAsync("judge", SharedModels.TinyStories656K);
        }
        await using var second = await StartAsync(folder);
        var history = await second.Client.GetGrain<IModelRegistryGrain>("run-restart").HistoryAsync("judge");
        Assert.Equal([1, 2], history.Select(v => v.Version));
        Assert.Equal(Path.GetFullPath(SharedModels.TinyStories656K), history[1].Path);
    }

    [Fact]
    public async Task Local_storage_keeps_grain_state_and_artifacts_in_one_folder_across_restarts()
    {
        var folder = Directory.CreateTempSubdirectory("oeval-local-").FullName;
        var bytes = Guid.NewGuid().ToByteArray();
        string artifact;
        await using (var first = await StartAsync(folder, withArtifacts: true))
        {
            var store = Assert.IsType<LocalArtifactStore>(first.Silos[0].ServiceProvider.GetRequiredService<IArtifactStore>());
            artifact = await store.PutAsync(new MemoryStream(bytes), TestContext.Current.CancellationToken);
            Assert.StartsWith(Path.Combine(folder, "artifacts") + Path.DirectorySeparatorChar, store.PathOf(artifact), StringComparison.Ordinal);
            await first.Client.GetGrain<IModelRegistryGrain>("run-local").PublishAsync("judge", SharedModels.Stories260K);
        }
        await using var second = await StartAsync(folder, withArtifacts: true);
        Assert.Equal(1, (await second.Client.GetGrain<IModelRegistryGrain>("run-local").CurrentAsync("judge"))!.Version);
        Assert.True(await second.Silos[0].ServiceProvider.GetRequiredService<IArtifactStore>().ExistsAsync(artifact, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_write_from_a_stale_etag_is_refused()
    {
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        var storage = new FileGrainStorage(Directory.CreateTempSubdirectory("oeval-etag-").FullName, serializer);
        var id = GrainId.Create("registry", "run");
        var a = new GrainState<ModelRegistryState>(new ModelRegistryState());
        var b = new GrainState<ModelRegistryState>(new ModelRegistryState());
        await storage.ReadStateAsync("models", id, a);
        await storage.ReadStateAsync("models", id, b);
        await storage.WriteStateAsync("models", id, a);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("models", id, b));
        await storage.ReadStateAsync("models", id, b);
        Assert.True(b.RecordExists);
        await storage.WriteStateAsync("models", id, b);
        Assert.Equal("2", b.ETag);
    }
}
