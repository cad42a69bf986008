using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using OrleansEvaluator.Generation;

namespace OrleansEvaluator.Grains.Tests;

/// <summary>Real <c>oeval silo</c> processes: a coordinator/trainer silo and a worker silo, reached by a client.</summary>
public sealed class SiloProcessTests
{
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static async Task<Process> StartSiloAsync(string arguments, CancellationToken ct, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "oeval.dll")}\" silo {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Only the given environment picks cluster mode, whatever the test runner's own environment says.
        start.Environment.Remove(Orleans.Hosting.EvaluatorSiloBuilderExtensions.AzureStorageEnvironmentVariable);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        var process = Process.Start(start)!;
        var ready = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) => { if (e.Data?.StartsWith("silo ready", StringComparison.Ordinal) == true) ready.TrySetResult(); };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
        return process;
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Two_silo_processes_form_a_cluster_and_serve_generation_from_the_worker_process()
    {
        var ct = TestContext.Current.CancellationToken;
        var (primarySilo, primaryGateway, workerSilo, workerGateway) = (FreePort(), FreePort(), FreePort(), FreePort());
        var cluster = "test-" + Guid.NewGuid().ToString("N")[..8];
        using var primary = await StartSiloAsync($"--roles coordinator,trainer --silo-port {primarySilo} --gateway-port {primaryGateway} --cluster-id {cluster} --threads 1", ct);
        using var worker = await StartSiloAsync(
            $"--roles worker -m stories=\"{SharedModels.Stories260K}\" --silo-port {workerSilo} --gateway-port {workerGateway} --primary-port {primarySilo} --cluster-id {cluster} --threads 1", ct);
        try
        {
            var builder = Host.CreateApplicationBuilder();
            builder.UseOrleansClient(c =>
            {
                c.Configure<ClusterOptions>(o => { o.ClusterId = cluster; o.ServiceId = "oeval"; });
                c.UseLocalhostClustering([primaryGateway, workerGateway]);
            });
            using var host = builder.Build();
            await host.StartAsync(ct);
            var client = host.Services.GetRequiredService<IClusterClient>();

            var result = await client.GetGrain<IInferenceWorkerGrain>(1).GenerateAsync(
                new GenerationRequest { Model = "stories", Prompt = "Once upon a time", MaxTokens = 12 });
            Assert.Equal(12, result.Samples[0].TokenIds.Count);
            var where = await client.GetGrain<IInferenceWorkerGrain>(1).DescribeAsync();
            Assert.Equal([SiloRoles.Worker], where.Roles);
            Assert.Contains("stories", where.LoadedModels);
            await host.StopAsync(ct);
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
            primary.Kill(entireProcessTree: true);
        }
    }
}
