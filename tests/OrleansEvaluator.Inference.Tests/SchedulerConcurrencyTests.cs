using OrleansEvaluator.Generation;

namespace OrleansEvaluator.Inference.Tests;

[Collection(EngineCollection.Name)]
public sealed class SchedulerConcurrencyTests(EngineFixture fixture)
{
    private static readonly string[] s_prompts =
    [
        "Once upon a time", "The little dog", "Lily and Tom went to the park. They", "One day, a big bird",
        "The sun was hot", "Tim had a red ball", "Mom said", "There was a cat who",
    ];

    [Fact]
    public async Task Sixty_four_concurrent_requests_on_a_quantized_model_all_follow_the_greedy_path()
    {
        // llama.cpp's Q8_0 kernels accumulate in batch-shaped tiles, so a batched decode of a quantized model is not
        // bit-identical to a lone one. Every token must still be the argmax of a lone decode up to that noise (measured: at most 0.04 logits; a
        // token from the wrong sequence or position falls short by whole logits).
        var weights = fixture.Engine.Host(EngineFixture.TinyStories).Weights;
        var requests = Enumerable.Range(0, 64).Select(i => s_prompts[i % s_prompts.Length]).ToArray();
        var results = await Task.WhenAll(requests.Select(p => fixture.Engine.GenerateAsync(
            new GenerationRequest { Model = EngineFixture.TinyStories, Prompt = p, MaxTokens = 32 },
            TestContext.Current.CancellationToken)));

        var shortfalls = results.Select((r, i) => ReferenceDecoder.GreedyShortfall(weights, requests[i], r.Samples[0].TokenIds)).ToArray();
        Assert.All(results, r => Assert.Equal(32, r.Samples[0].TokenIds.Count));
        Assert.True(shortfalls.Max() < 0.1f, $"largest logit shortfall {shortfalls.Max()}");
    }

    [Fact]
    public async Task Sixty_four_concurrent_requests_all_complete_with_the_outputs_of_lone_decodes()
    {
        const string model = EngineFixture.Stories;
        var weights = fixture.Engine.Host(model).Weights;
        var expected = s_prompts.ToDictionary(p => p, p => ReferenceDecoder.Greedy(weights, p, 32));

        var requests = Enumerable.Range(0, 64).Select(i => s_prompts[i % s_prompts.Length]).ToArray();
        var results = await Task.WhenAll(requests.Select(p => fixture.Engine.GenerateAsync(
            new GenerationRequest { Model = model, Prompt = p, MaxTokens = 32 },
            TestContext.Current.CancellationToken)));

        Assert.Equal(64, results.Length);
        for (var i = 0; i < 64; i++)
            Assert.Equal(expected[requests[i]], results[i].Samples[0].TokenIds);
    }

    [Fact]
    public async Task Forked_samples_equal_independent_runs_with_the_same_seeds()
    {
        const string model = EngineFixture.Stories;
        const uint seed = 1234;
        const int n = 8;
        var request = new GenerationRequest
        {
            Model = model, Prompt = "Once upon a time, in a small town,", MaxTokens = 40,
            Temperature = 0.9f, TopP = 0.95f, Seed = seed, Samples = n,
        };
        var forked = await fixture.Engine.GenerateAsync(request, TestContext.Current.CancellationToken);
        var independent = await Task.WhenAll(Enumerable.Range(0, n).Select(i => fixture.Engine.GenerateAsync(
            request with { Samples = 1, Seed = seed + (uint)i }, TestContext.Current.CancellationToken)));

        Assert.Equal(n, forked.Samples.Count);
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(i, forked.Samples[i].Index);
            Assert.Equal(independent[i].Samples[0].TokenIds, forked.Samples[i].TokenIds);
            Assert.Equal(independent[i].Samples[0].Text, forked.Samples[i].Text);
        }
        // The seeds matter: eight samples at temperature 0.9 are not all the same.
        Assert.True(forked.Samples.Select(s => s.Text).Distinct().Count() > 1);
    }

    [Fact]
    public async Task Forked_request_counts_its_prompt_once_and_the_rest_as_cached()
    {
        var result = await fixture.Engine.GenerateAsync(new GenerationRequest
        {
            Model = EngineFixture.Stories, Prompt = "The little dog", MaxTokens = 10, Temperature = 1, Seed = 7, Samples = 5,
        }, TestContext.Current.CancellationToken);

        var prompt = result.Usage.PromptTokens;
        Assert.True(prompt > 1);
        Assert.Equal(prompt * 4, result.Usage.CachedPromptTokens);
        Assert.Equal(result.Samples.Sum(s => s.TokenIds.Count), result.Usage.GeneratedTokens);
    }

    [Fact]
    public async Task A_cancelled_request_frees_its_sequences_and_the_others_finish()
    {
        var ct = TestContext.Current.CancellationToken;
        using var cancel = new CancellationTokenSource();
        var doomed = fixture.Engine.GenerateAsync(new GenerationRequest
        {
            Model = EngineFixture.TinyStories, Prompt = "Once upon a time", MaxTokens = 100, Samples = 60,
            Temperature = 1, Seed = 3,
        }, cancel.Token);
        var others = Enumerable.Range(0, 4).Select(i => fixture.Engine.GenerateAsync(new GenerationRequest
        {
            Model = EngineFixture.TinyStories, Prompt = "The little dog", MaxTokens = 30, Seed = (uint)i,
        }, ct)).ToArray();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => doomed);
        var finished = await Task.WhenAll(others);
        Assert.All(finished, r => Assert.NotEmpty(r.Samples[0].TokenIds));

        // All 64 sequences are free again: a request that needs every one of them is admitted and completes.
        var full = await fixture.Engine.GenerateAsync(new GenerationRequest
        {
            Model = EngineFixture.TinyStories, Prompt = "Once upon a time", MaxTokens = 8, Samples = 64, Temperature = 1,
        }, ct);
        Assert.Equal(64, full.Samples.Count);
        Assert.Equal(0, fixture.Engine.Models.Single(m => m.Id == EngineFixture.TinyStories).InFlightRequests);
    }

    [Fact]
    public async Task A_request_cancelled_before_it_starts_throws_and_leaves_nothing_behind()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.Engine.GenerateAsync(
            new GenerationRequest { Model = EngineFixture.Stories, Prompt = "Hi", MaxTokens = 4 }, cancel.Token));
    }
}
