using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace OrleansEvaluator.Grains.Tests;

/// <summary>Real <c>oeval silo --azure</c> processes on Azurite: three silos, one killed, its grains move to the survivor.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureSiloProcessTests(AzuriteFixture azurite)
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task Silo_processes_cluster_over_azure_storage_and_a_killed_worker_is_replaced_within_seconds()
    {
        var ct = TestContext.Current.CancellationToken;
        var cluster = AzuriteFixture.UniqueName("proc");
        var ports = Enumerable.Range(0, 6).Select(_ => SiloProcessTests.FreePort()).ToArray();
        string Args(string roles, int i) =>
            $"--roles {roles} --silo-port {ports[2 * i]} --gateway-port {ports[2 * i + 1]} --cluster-id {cluster} --fast-failure-detection --threads 1";
        var processes = new List<Process>();
        try
        {
            // The connection string by option and by environment variable.
            var starts = new[]
            {
                SiloProcessTests.StartSiloAsync($"{Args("coordinator", 0)} --azure \"{azurite.ConnectionString}\"", ct),
                SiloProcessTests.StartSiloAsync(Args("worker", 1), ct, new Dictionary<string, string> { ["OEVAL_AZURE_STORAGE"] = azurite.ConnectionString }),
                SiloProcessTests.StartSiloAsync($"{Args("worker", 2)} --azure \"{azurite.ConnectionString}\"", ct),
            };
            foreach (var start in starts)
                processes.Add(await start);

            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.UseOrleansClient(c =>
            {
                c.Configure<ClusterOptions>(o => { o.ClusterId = cluster; o.ServiceId = "oeval"; });
                c.UseEvaluatorAzureClustering(azurite.ConnectionString);
                c.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
                c.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(3));
            });
            using var host = builder.Build();
            await host.StartAsync(ct);
            var client = host.Services.GetRequiredService<IClusterClient>();
            var workers = Enumerable.Range(0, 8).Select(i => client.GetGrain<IInferenceWorkerGrain>(8000 + i)).ToArray();
            var before = await Task.WhenAll(workers.Select(w => w.DescribeAsync()));
            Assert.All(before, d => Assert.Equal([SiloRoles.Worker], d.Roles));
            Assert.All(before, d => Assert.True(d.Silo.Contains($":{ports[2]}:", StringComparison.Ordinal) || d.Silo.Contains($":{ports[4]}:", StringComparison.Ordinal), d.Silo));

            processes[2].Kill(entireProcessTree: true);
            var clock = Stopwatch.StartNew();
            WorkerDescription[]? after = null;
            while (after is null && clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                try
                {
                    after = await Task.WhenAll(workers.Select(w => w.DescribeAsync()));
                }
                catch (Exception e) when (e is OrleansException or TimeoutException)
                {
                    await Task.Delay(200, ct);
                }
            }
            Assert.NotNull(after);
            Assert.All(after, d => Assert.Contains($":{ports[2]}:", d.Silo, StringComparison.Ordinal));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"grains answered again only after {clock.Elapsed}");
            await host.StopAsync(ct);
        }
        finally
        {
            foreach (var process in processes)
            {
                if (!process.HasExited)
                    process.Kill(entireProcessTree: true);
                process.Dispose();
            }
        }
    }
}
