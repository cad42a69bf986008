using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using OrleansEvaluator.Artifacts;
using OrleansEvaluator.Grains;
using OrleansEvaluator.Grains.Simulation;
using OrleansEvaluator.Hosting.Pipeline;
using OrleansEvaluator.Runs;
using OrleansEvaluator.Training;

namespace OrleansEvaluator.Cli.Commands;

/// <summary>
/// The pipeline on 1, 2 and 4 worker silo processes whose engine is a fixed-latency simulator: judging throughput
/// by worker count measures placement, fan-out and persistence, not the CPU. The coordinator (and a simulated
/// trainer) run in this process; each worker is an <c>oeval silo</c> process.
/// </summary>
internal sealed class ClusterBenchmark(ClusterBenchmarkSettings settings, TextWriter output)
{
    public async Task<double> RunAsync(CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("oeval-bench-cluster-");
        try
        {
            var config = WriteRun(folder.FullName);
            var rates = new Dictionary<int, double>();
            foreach (var workers in settings.WorkerCounts)
            {
                rates[workers] = await MeasureAsync(config, folder.FullName, workers, cancellationToken);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"workers {workers}: {rates[workers]:F0} judgments/s"));
            }
            var (fewest, most) = (settings.WorkerCounts.Min(), settings.WorkerCounts.Max());
            var ratio = rates[most] / rates[fewest];
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"cluster-scaling-{most / fewest}x: {ratio:F2}"));
            return ratio;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private string WriteRun(string folder)
    {
        File.WriteAllBytes(Path.Combine(folder, "seed.gguf"), [1, 2, 3]); // never loaded: the workers simulate
        File.WriteAllLines(Path.Combine(folder, "instructions.jsonl"),
            Enumerable.Range(0, settings.Pairs).Select(i => $$"""{"id": "bench-{{i}}", "instruction": "Benchmark instruction number {{i}}."}"""));
        var config = Path.Combine(folder, "run.json");
        File.WriteAllText(config, string.Create(CultureInfo.InvariantCulture, $$"""
            {
              "name": "bench", "seed": 1, "iterations": 1, "shards": {{settings.Shards}}, "reproducible": false,
              "models": { "seed": "seed.gguf" },
              "instructions": { "path": "instructions.jsonl" },
              "judging": { "samples": {{settings.Samples}}, "max_tokens": 64, "both_orders": true },
              "training": { "epochs": 1 }
            }
            """));
        return config;
    }

    private async Task<double> MeasureAsync(string config, string folder, int workers, CancellationToken cancellationToken)
    {
        var cluster = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var (siloPort, gatewayPort) = (FreePort(), FreePort());
        var state = Path.Combine(folder, cluster);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o => { o.ClusterId = cluster; o.ServiceId = "oeval"; });
            silo.UseLocalhostClustering(siloPort, gatewayPort, new IPEndPoint(IPAddress.Loopback, siloPort));
            silo.UseEvaluatorRoles([SiloRoles.Coordinator, SiloRoles.Trainer]);
            silo.AddEvaluatorLocalStorage(state);
            silo.AddEvaluatorPipeline(p =>
            {
                p.ChunkSize = settings.ChunkSize;
                p.ChunksInFlight = settings.ChunksInFlight;
                p.ModelCache = Path.Combine(state, "models");
            });
            silo.Services.AddSingleton<IModelTrainer>(new SimulatedTrainer(TimeSpan.FromMilliseconds(100)));
        });
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        var processes = new List<Process>();
        try
        {
            for (var i = 0; i < workers; i++)
                processes.Add(await StartWorkerAsync(cluster, siloPort, cancellationToken));
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            var status = await RunSubmitter.SubmitAsync(grains, host.Services.GetRequiredService<IArtifactStore>(), config, cancellationToken: cancellationToken);
            var run = grains.GetGrain<IRunCoordinatorGrain>(status.RunId);
            while (!status.IsFinished)
            {
                await Task.Delay(200, cancellationToken);
                status = await run.StatusAsync();
            }
            if (status.Phase != RunPhase.Completed)
                throw new InvalidOperationException($"The benchmark run ended {status.Phase}: {status.Error}");
            var judged = status.Reports.Single(r => r.Iteration == 1);
            return judged.Samples / judged.JudgeSeconds;
        }
        finally
        {
            foreach (var p in processes)
            {
                p.Kill(entireProcessTree: true);
                await p.WaitForExitAsync(CancellationToken.None);
                p.Dispose();
            }
            await host.StopAsync(CancellationToken.None);
        }
    }

    private async Task<Process> StartWorkerAsync(string cluster, int primaryPort, CancellationToken cancellationToken)
    {
        var oeval = Path.Combine(AppContext.BaseDirectory, "oeval.dll");
        var arguments = string.Create(CultureInfo.InvariantCulture,
            $"\"{oeval}\" silo --roles worker --cluster-id {cluster} --primary-port {primaryPort} --silo-port {FreePort()} --gateway-port {FreePort()} " +
            $"--simulate-latency-ms {settings.LatencyMilliseconds} --simulate-capacity {settings.Capacity}");
        var process = Process.Start(new ProcessStartInfo("dotnet", arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => { if (e.Data?.StartsWith("silo ready", StringComparison.Ordinal) == true) ready.TrySetResult(); };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(90), cancellationToken);
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
