using OrleansEvaluator.Generation;
using OrleansEvaluator.Inference.Configuration;
using OrleansEvaluator.Inference.Llama;

namespace OrleansEvaluator.Inference.Tests;

public sealed class ModelLifecycleTests
{
    [Fact]
    public async Task A_new_version_loads_while_the_old_one_finishes_its_in_flight_requests()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var engine = LlamaEngine.Create(new LlamaEngineOptions { ContextSize = 4096, MaxSequences = 16, Threads = 2 });
        await engine.LoadAsync("judge@v1", SharedModels.Stories260K, ct);

        var inFlight = Enumerable.Range(0, 8).Select(i => engine.GenerateAsync(new GenerationRequest
        {
            Model = "judge@v1", Prompt = "Once upon a time", MaxTokens = 200, Temperature = 1, Seed = (uint)i,
        }, ct)).ToArray();

        await engine.LoadAsync("judge@v2", SharedModels.TinyStories656K, ct);
        Assert.Equal(["judge@v1", "judge@v2"], engine.Models.Select(m => m.Id));
        var unload = engine.UnloadAsync("judge@v1", ct);

        // v1 takes nothing new once unloading began; v2 serves at once.
        await Assert.ThrowsAsync<ArgumentException>(() => engine.GenerateAsync(
            new GenerationRequest { Model = "judge@v1", Prompt = "Hi", MaxTokens = 2 }, ct));
        var fresh = await engine.GenerateAsync(new GenerationRequest { Model = "judge@v2", Prompt = "The dog", MaxTokens = 5 }, ct);
        Assert.Equal(5, fresh.Samples[0].TokenIds.Count);

        var finished = await Task.WhenAll(inFlight);
        await unload;
        Assert.All(finished, r => Assert.Equal("judge@v1", r.Model));
        Assert.All(finished, r => Assert.NotEmpty(r.Samples[0].TokenIds));
        Assert.Equal(["judge@v2"], engine.Models.Select(m => m.Id));
    }

    [Fact]
    public async Task Disposing_the_engine_fails_in_flight_requests_promptly_instead_of_finishing_them()
    {
        var ct = TestContext.Current.CancellationToken;
        var engine = LlamaEngine.Create(new LlamaEngineOptions { ContextSize = 16384, MaxSequences = 4, Threads = 1 });
        await engine.LoadAsync("m", SharedModels.Stories260K, ct);
        // The grammar never completes, so no end token is allowed: the request could only stop at 16,000 tokens.
        var running = engine.GenerateAsync(new GenerationRequest
        {
            Model = "m", Prompt = "Once", MaxTokens = 16000, Temperature = 1, Grammar = "root ::= [a-z ] root",
        }, ct);
        await Task.Delay(100, ct);
        Assert.False(running.IsCompleted);
        await engine.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => running);
    }

    [Fact]
    public async Task Loading_a_second_model_under_a_taken_id_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var engine = LlamaEngine.Create(new LlamaEngineOptions { ContextSize = 512, MaxSequences = 2, Threads = 1 });
        await engine.LoadAsync("m", SharedModels.Stories260K, ct);
        await Assert.ThrowsAsync<InvalidOperationException>(() => engine.LoadAsync("m", SharedModels.TinyStories656K, ct));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => engine.UnloadAsync("other", ct));
    }

    [Fact]
    public async Task A_request_that_cannot_fit_the_context_is_refused_with_the_numbers()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var engine = LlamaEngine.Create(new LlamaEngineOptions { ContextSize = 512, MaxSequences = 8, Threads = 1 });
        await engine.LoadAsync("m", SharedModels.Stories260K, ct);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => engine.GenerateAsync(
            new GenerationRequest { Model = "m", Prompt = "Once", MaxTokens = 100, Samples = 8 }, ct));
        Assert.Contains("needs", error.Message, StringComparison.Ordinal);
        Assert.Contains("has 512", error.Message, StringComparison.Ordinal);
        var tooMany = await Assert.ThrowsAsync<ArgumentException>(() => engine.GenerateAsync(
            new GenerationRequest { Model = "m", Prompt = "Once", MaxTokens = 4, Samples = 9 }, ct));
        Assert.StartsWith("Samples:", tooMany.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_queue_of_one_many_callers_are_held_back_and_all_complete()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var engine = LlamaEngine.Create(new LlamaEngineOptions
        {
            ContextSize = 512, MaxSequences = 2, QueueCapacity = 1, Threads = 1,
        });
        await engine.LoadAsync("m", SharedModels.Stories260K, ct);
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => engine.GenerateAsync(
            new GenerationRequest { Model = "m", Prompt = "Once upon a time", MaxTokens = 6 }, ct)));
        Assert.Single(results.Select(r => string.Join(",", r.Samples[0].TokenIds)).Distinct());
    }

    [Fact]
    public void Invalid_engine_options_are_reported_all_at_once_naming_each_field()
    {
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            LlamaEngine.Create(new LlamaEngineOptions { ContextSize = 1000, MaxSequences = 300, Threads = 0 }));
        Assert.Contains("ContextSize", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxSequences", error.Message, StringComparison.Ordinal);
        Assert.Contains("Threads", error.Message, StringComparison.Ordinal);
    }
}
