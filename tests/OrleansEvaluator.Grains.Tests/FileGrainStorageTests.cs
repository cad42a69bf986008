using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;
using OrleansEvaluator.Grains.Registry;
using OrleansEvaluator.Hosting.Storage;

namespace OrleansEvaluator.Grains.Tests;

public sealed class FileGrainStorageTests
{
    private static async Task<InProcessTestCluster> StartAsync(string folder)
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UseEvaluatorRoles([SiloRoles.Coordinator]);
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
