using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using OrleansEvaluator.Runs;

namespace OrleansEvaluator.Grains.Tests;

/// <summary>
/// Cluster mode end to end: coordinator, two workers and a trainer as <c>oeval silo --azure</c> processes over
/// Azurite, a run started with <c>oeval submit</c>. One worker is killed with SIGKILL while judging and a new one
/// joins; later the coordinator is killed and restarted. The run completes with exactly the artifacts of an
/// uninterrupted run (content ids equal: nothing lost, nothing duplicated), and the new worker got work.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ClusterRunProcessTests(AzuriteFixture azurite) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("oeval-cluster-run-").FullName;
    private readonly List<OevalProcess> _processes = [];

    public void Dispose()
    {
        foreach (var p in _processes)
            p.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private readonly Dictionary<OevalProcess, string> _caches = [];

    private async Task<OevalProcess> SiloAsync(string roles, string cluster, string extra = "")
    {
        var cache = Path.Combine(_folder, "cache-" + _processes.Count);
        var process = OevalProcess.Start(
            $"silo --roles {roles} --azure \"{azurite.ConnectionString}\" --cluster-id {cluster} --silo-port {OevalProcess.FreePort()} " +
            $"--gateway-port {OevalProcess.FreePort()} --fast-failure-detection --threads 1 --model-cache \"{cache}\" {extra}");
        _processes.Add(process);
        _caches[process] = cache;
        await process.WaitForLineAsync("silo ready", TimeSpan.FromSeconds(90), TestContext.Current.CancellationToken);
        return process;
    }

    private async Task<RunStatus> PollAsync(IRunCoordinatorGrain run, Func<RunStatus, bool> until, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        RunStatus? last = null;
        string? error = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = await run.StatusAsync();
                if (until(last) || last.IsFinished)
                    return last;
            }
            catch (Exception e) when (e is OrleansException or TimeoutException or SiloUnavailableException)
            {
                error = e.Message; // the coordinator is down or moving; ask again
            }
            await Task.Delay(300, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"Run not there after {timeout}: {last?.Phase} iteration {last?.Iteration}; last error: {error ?? last?.Error}\n{Tails()}");
    }

    // What the silos said last, for a failure message.
    private string Tails() => string.Join("\n", _processes.Select((p, i) =>
        $"--- process {i} ---\n{string.Join("\n", p.Output.Split('\n').TakeLast(40))}"));

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Killed_worker_and_restarted_coordinator_lose_nothing_and_a_joining_worker_gets_work()
    {
        var ct = TestContext.Current.CancellationToken;
        var config = PipelineTests.WriteRun(Path.Combine(_folder, "inputs"), "faults", iterations: 2);

        // The fault-free reference: the same run in one embedded process.
        var reference = Path.Combine(_folder, "reference");
        using (var embedded = OevalProcess.Start($"run \"{config}\" --state \"{reference}\" --silo-port {OevalProcess.FreePort()} --gateway-port {OevalProcess.FreePort()} --threads 1"))
            Assert.Equal(0, await embedded.WaitForExitAsync(TimeSpan.FromMinutes(6), ct));
        var expected = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(reference, "runs", "faults", "status.json"), ct)).RootElement;

        var cluster = AzuriteFixture.UniqueName("run");
        var coordinator = await SiloAsync("coordinator", cluster, "--verbose");
        var doomed = await SiloAsync("worker", cluster);
        var survivor = await SiloAsync("worker", cluster);
        await SiloAsync("trainer", cluster);

        using (var submit = OevalProcess.Start($"submit \"{config}\" --azure \"{azurite.ConnectionString}\" --cluster-id {cluster}"))
            Assert.Equal(0, await submit.WaitForExitAsync(TimeSpan.FromMinutes(2), ct));

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(c =>
        {
            c.Configure<ClusterOptions>(o => { o.ClusterId = cluster; o.ServiceId = "oeval"; });
            c.UseEvaluatorAzureClustering(azurite.ConnectionString);
            c.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
            c.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5));
        });
        using var host = builder.Build();
        await host.StartAsync(ct);
        var client = host.Services.GetRequiredService<IClusterClient>();
        var run = client.GetGrain<IRunCoordinatorGrain>("faults");

        var judging = await PollAsync(run, s => s.Phase == RunPhase.Judge && s.Iteration == 1, TimeSpan.FromMinutes(4));
        Assert.Equal(RunPhase.Judge, judging.Phase);
        doomed.KillHard();
        var joined = await SiloAsync("worker", cluster);

        var late = await PollAsync(run, s => s.Iteration == 2 && s.Phase == RunPhase.Judge, TimeSpan.FromMinutes(4));
        Assert.False(late.IsFinished, $"finished before the coordinator could be killed: {late.Phase} {late.Error}");
        coordinator.KillHard();
        var restarted = await SiloAsync("coordinator", cluster, "--verbose");
        await restarted.WaitForLineAsync("Resumed run faults", TimeSpan.FromMinutes(1), ct);

        var final = await PollAsync(run, _ => false, TimeSpan.FromMinutes(6));
        Assert.True(final.Phase == RunPhase.Completed, $"{final.Phase}: {final.Error}");
        Assert.Equal(expected.GetProperty("pairArtifacts").EnumerateArray().Select(e => e.GetString()), final.PairArtifacts);
        for (var i = 1; i <= 2; i++)
        {
            var (want, got) = (expected.GetProperty("reports")[i], final.Reports[i]);
            Assert.Equal(want.GetProperty("sampleArtifacts").EnumerateArray().Select(e => e.GetString()), got.SampleArtifacts);
            Assert.Equal(want.GetProperty("tracesArtifact").GetString(), got.TracesArtifact);
            Assert.Equal(want.GetProperty("trainedModel").GetString(), got.TrainedModel);
            Assert.Equal(want.GetProperty("scores")[0].GetProperty("resultsArtifact").GetString(), got.Scores[0].ResultsArtifact);
        }

        // Work spread over the workers, including the one that joined mid-run: a worker fetches a published model from
        // the store into its model cache only to serve a request with it. (Live activations are no proof either way:
        // killing the coordinator deactivates those whose directory entries it held, on every silo.)
        var management = client.GetGrain<IManagementGrain>(0);
        var stats = await management.GetDetailedGrainStatistics(null, null, ct);
        var live = string.Join(", ", stats.Where(s => s.GrainType.Contains(nameof(Inference.InferenceWorkerGrain), StringComparison.OrdinalIgnoreCase))
            .GroupBy(s => s.SiloAddress.Endpoint.Port).Select(g => $"port {g.Key}: {g.Count()}"));
        int Fetched(OevalProcess worker) => Directory.Exists(_caches[worker]) ? Directory.GetFiles(_caches[worker], "*.gguf").Length : 0;
        Assert.True(Fetched(joined) > 0, $"the joining worker fetched no model, so it served no request (live worker activations: {live})");
        Assert.True(Fetched(survivor) > 0, $"the surviving original worker fetched no model (live worker activations: {live})");
        await host.StopAsync(ct);
    }
}
