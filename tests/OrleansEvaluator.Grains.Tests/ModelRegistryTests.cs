using OrleansEvaluator.Generation;

namespace OrleansEvaluator.Grains.Tests;

[Collection(RoleClusterCollection.Name)]
public sealed class ModelRegistryTests(RoleClusterFixture fixture)
{
    [Fact]
    public async Task Workers_hot_swap_to_a_new_version_while_requests_on_the_old_one_finish()
    {
        var registry = fixture.Cluster.Client.GetGrain<IModelRegistryGrain>("run-swap");
        var v1 = await registry.PublishAsync("judge", SharedModels.Stories260K);
        Assert.Equal(1, v1.Version);
        Assert.Equal(v1, await registry.PublishAsync("judge", SharedModels.Stories260K)); // same content: same version

        var workers = Enumerable.Range(0, 8).Select(i => fixture.Cluster.Client.GetGrain<IInferenceWorkerGrain>(500 + i)).ToArray();
        // Long requests on v1: the grammar allows no end before 300 characters.
        var longRequest = new GenerationRequest { Model = "ignored", Prompt = "Once", MaxTokens = 400, Temperature = 1, Grammar = "root ::= [a-z ]{300}" };
        var onOld = workers.Select(w => w.GenerateWithAsync(v1, longRequest)).ToArray();

        var v2 = await registry.PublishAsync("judge", SharedModels.TinyStories656K);
        Assert.Equal(2, v2.Version);
        Assert.Equal(v2, await registry.CurrentAsync("judge"));
        var onNew = await Task.WhenAll(workers.Select(w => w.GenerateWithAsync(v2, new GenerationRequest { Model = "ignored", Prompt = "Once upon a time", MaxTokens = 8 })));
        Assert.All(onNew, r => Assert.Equal(v2.ContentId, r.Model));

        var finished = await Task.WhenAll(onOld);
        Assert.All(finished, r => Assert.Equal(300, r.Samples[0].Text.Length));
        Assert.All(finished, r => Assert.Equal(v1.ContentId, r.Model));

        // Once drained, every worker silo holds only the new version.
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var loaded = await Task.WhenAll(workers.Select(w => w.DescribeAsync()));
            if (loaded.All(d => !d.LoadedModels.Contains(v1.ContentId)))
                break;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.All(await Task.WhenAll(workers.Select(w => w.DescribeAsync())), d =>
        {
            Assert.Contains(v2.ContentId, d.LoadedModels);
            Assert.DoesNotContain(v1.ContentId, d.LoadedModels);
        });
        Assert.Equal([1, 2], (await registry.HistoryAsync("judge")).Select(v => v.Version));
    }

    [Fact]
    public async Task A_model_file_changed_after_publication_is_refused()
    {
        var dir = Directory.CreateTempSubdirectory("oeval-registry-").FullName;
        var path = Path.Combine(dir, "m.gguf");
        // Unique bytes (a GGUF tolerates trailing data), so no silo already holds this content.
        var ct = TestContext.Current.CancellationToken;
        await File.WriteAllBytesAsync(path, [.. await File.ReadAllBytesAsync(SharedModels.Stories260K, ct), .. Guid.NewGuid().ToByteArray()], ct);
        var version = await fixture.Cluster.Client.GetGrain<IModelRegistryGrain>("run-tamper").PublishAsync("judge", path);
        File.Copy(SharedModels.TinyStories656K, path, overwrite: true);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Cluster.Client.GetGrain<IInferenceWorkerGrain>(900)
            .GenerateWithAsync(version, new GenerationRequest { Model = "x", Prompt = "Once", MaxTokens = 2 }));
        Assert.Contains("changed after publication", error.Message, StringComparison.Ordinal);
    }
}
