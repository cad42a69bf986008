using OrleansEvaluator.Generation;
using OrleansEvaluator.Inference.Configuration;
using OrleansEvaluator.Inference.Llama;

namespace OrleansEvaluator.Grains.Tests;

[Collection(RoleClusterCollection.Name)]
public sealed class InferenceWorkerGrainTests(RoleClusterFixture fixture)
{
    [Fact]
    public async Task Worker_grains_land_only_on_worker_silos_and_spread_over_all_of_them()
    {
        var workerSilos = fixture.Cluster.Silos.Where((_, i) => RoleClusterFixture.Roles[i].Contains(SiloRoles.Worker)).Select(s => s.SiloAddress.ToString()).ToHashSet();
        var used = new HashSet<string>();
        // Activation-count placement decides by the counts silos publish now and then; on a loaded machine (a CI run, with a
        // demo training beside it) one batch of 40 all landed on one worker. So batches go on until both are used or a
        // minute passes; every grain of every batch must be on a worker. Ids from 10,000: other tests use lower ones.
        var deadline = DateTime.UtcNow.AddMinutes(1);
        for (var batch = 0; used.Count < workerSilos.Count && DateTime.UtcNow < deadline; batch++)
        {
            var descriptions = await Task.WhenAll(Enumerable.Range(10_000 + batch * 40, 40).Select(i =>
                fixture.Cluster.Client.GetGrain<IInferenceWorkerGrain>(i).DescribeAsync()));
            Assert.All(descriptions, d => Assert.Contains(SiloRoles.Worker, d.Roles));
            Assert.All(descriptions, d => Assert.Contains(d.Silo, workerSilos));
            used.UnionWith(descriptions.Select(d => d.Silo));
            if (used.Count < workerSilos.Count)
                await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        }
        Assert.Equal(workerSilos, used);
    }

    [Fact]
    public async Task Generation_through_the_cluster_equals_generation_on_a_local_engine()
    {
        var ct = TestContext.Current.CancellationToken;
        var request = new GenerationRequest { Model = "stories", Prompt = "Once upon a time", MaxTokens = 24, Samples = 3, Temperature = 0.8f, Seed = 21 };
        var remote = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => fixture.Cluster.Client.GetGrain<IInferenceWorkerGrain>(100 + i).GenerateAsync(request)));

        await using var engine = LlamaEngine.Create(new LlamaEngineOptions { ContextSize = 1024, MaxSequences = 4, Threads = 1 });
        await engine.LoadAsync("stories", SharedModels.Stories260K, ct);
        var local = await engine.GenerateAsync(request, ct);
        Assert.All(remote, r => Assert.Equal(local.Samples.Select(s => s.Text), r.Samples.Select(s => s.Text)));
    }

    [Fact]
    public async Task A_model_outside_the_catalog_is_an_argument_error_that_reaches_the_caller()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => fixture.Cluster.Client.GetGrain<IInferenceWorkerGrain>(7)
            .GenerateAsync(new GenerationRequest { Model = "absent", Prompt = "Hi", MaxTokens = 2 }));
        Assert.Contains("'absent' is not in this worker's catalog", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_roles_are_refused_naming_the_choices() =>
        Assert.Contains("coordinator, worker, trainer", Assert.Throws<ArgumentException>(() => SiloRoles.Parse(["worker,judge"])).Message, StringComparison.Ordinal);
}
