using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using OrleansEvaluator.Artifacts;
using OrleansEvaluator.Hosting.Storage;

namespace OrleansEvaluator.Grains.Tests;

/// <summary>
/// Cluster mode on a real Azurite: silos (hosts in this process, on their own ports) find each other through the Azure
/// membership table, keep grain state in an Azure table and artifacts in a blob container; a client finds them through
/// the same table.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureClusterTests(AzuriteFixture azurite)
{
    private IHost Silo(string serviceId, string clusterId, params string[] roles)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o => { o.ClusterId = clusterId; o.ServiceId = serviceId; });
            silo.AddEvaluatorAzureStorage(o => o.ConnectionString = azurite.ConnectionString);
            silo.ConfigureEndpoints(IPAddress.Loopback, AzuriteFixture.FreePort(), AzuriteFixture.FreePort(), listenOnAnyHostAddress: false);
            silo.UseEvaluatorFastFailureDetection();
            silo.UseEvaluatorRoles(roles);
            if (roles.Contains(SiloRoles.Worker))
                silo.AddInferenceWorker(_ => { }, e => e.Threads = 1);
            if (roles.Contains(SiloRoles.Trainer))
                silo.AddTrainer(new OrleansEvaluator.Training.TrainerOptions { Threads = 1 });
        });
        return builder.Build();
    }

    private IHost Client(string serviceId, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(c =>
        {
            c.Configure<ClusterOptions>(o => { o.ClusterId = clusterId; o.ServiceId = serviceId; });
            c.UseEvaluatorAzureClustering(azurite.ConnectionString);
        });
        return builder.Build();
    }

    // Graceful shutdown takes seconds; these tests only need the hosts gone.
    private static async Task StopAsync(params IHost[] hosts)
    {
        foreach (var host in hosts)
        {
            using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            try
            {
                await host.StopAsync(quick.Token);
            }
            catch (OperationCanceledException)
            {
                // Cut short on purpose.
            }
            host.Dispose();
        }
    }

    [Fact]
    public async Task Registry_state_and_artifacts_survive_the_cluster_and_a_new_cluster_sees_them()
    {
        var ct = TestContext.Current.CancellationToken;
        var serviceId = AzuriteFixture.UniqueName("svc");
        var model = Path.Combine(Directory.CreateTempSubdirectory("oeval-azure-").FullName, "m.gguf");
        await File.WriteAllBytesAsync(model, Guid.NewGuid().ToByteArray(), ct);
        var bytes = Guid.NewGuid().ToByteArray();

        ModelVersion published;
        string artifact;
        var silo = Silo(serviceId, AzuriteFixture.UniqueName("first"), SiloRoles.Coordinator);
        await silo.StartAsync(ct);
        try
        {
            var store = silo.Services.GetRequiredService<IArtifactStore>();
            Assert.IsType<AzureBlobArtifactStore>(store);
            artifact = await store.PutAsync(new MemoryStream(bytes), ct);
            published = await silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IModelRegistryGrain>("run-azure").PublishAsync("judge", model);
            Assert.Equal(1, published.Version);
        }
        finally
        {
            await StopAsync(silo);
        }

        // A new cluster (new cluster id, same service) over the same storage account.
        var clusterId = AzuriteFixture.UniqueName("second");
        var second = Silo(serviceId, clusterId, SiloRoles.Coordinator);
        await second.StartAsync(ct);
        var secondClient = Client(serviceId, clusterId);
        try
        {
            await secondClient.StartAsync(ct);
            var registry = secondClient.Services.GetRequiredService<IClusterClient>().GetGrain<IModelRegistryGrain>("run-azure");
            Assert.Equal(published, await registry.CurrentAsync("judge"));
            Assert.Equal([published], await registry.HistoryAsync("judge"));
            var store = second.Services.GetRequiredService<IArtifactStore>();
            Assert.True(await store.ExistsAsync(artifact, ct));
            await using var read = await store.OpenAsync(artifact, ct);
            var copy = new MemoryStream();
            await read.CopyToAsync(copy, ct);
            Assert.Equal(bytes, copy.ToArray());
        }
        finally
        {
            await StopAsync(secondClient, second);
        }
    }

    [Fact]
    public async Task Two_silos_meet_in_the_membership_table_and_grains_land_on_their_roles()
    {
        var ct = TestContext.Current.CancellationToken;
        var (serviceId, clusterId) = (AzuriteFixture.UniqueName("svc"), AzuriteFixture.UniqueName("roles"));
        var coordinator = Silo(serviceId, clusterId, SiloRoles.Coordinator, SiloRoles.Trainer);
        var worker = Silo(serviceId, clusterId, SiloRoles.Worker);
        await coordinator.StartAsync(ct);
        await worker.StartAsync(ct);
        var client = Client(serviceId, clusterId);
        try
        {
            await client.StartAsync(ct);
            var grains = client.Services.GetRequiredService<IClusterClient>();
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, ct);
            Assert.Equal(2, hosts.Count);

            var workerAddress = worker.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString();
            var coordinatorAddress = coordinator.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString();
            var where = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => grains.GetGrain<IInferenceWorkerGrain>(7000 + i).DescribeAsync()));
            Assert.All(where, d =>
            {
                Assert.Equal(workerAddress, d.Silo);
                Assert.Equal([SiloRoles.Worker], d.Roles);
            });
            var trainer = await grains.GetGrain<ITrainerGrain>("azure-trainer").LocateAsync();
            Assert.Equal(coordinatorAddress, trainer.Silo);
        }
        finally
        {
            await StopAsync(client, worker, coordinator);
        }
    }
}
