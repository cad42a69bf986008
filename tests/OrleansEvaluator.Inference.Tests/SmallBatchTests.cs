using OrleansEvaluator.Generation;
using OrleansEvaluator.Inference.Benchmarks;
using OrleansEvaluator.Inference.Configuration;
using OrleansEvaluator.Inference.Llama;

namespace OrleansEvaluator.Inference.Tests;

/// <summary>Prompts longer than a batch and batches full of generating samples.</summary>
public sealed class SmallBatchTests
{
    private const string LongPrompt =
        "Once upon a time, there was a little girl named Lily. She loved to play outside in the park with her friends. " +
        "One day, she saw a big red ball under a tree.";

    [Fact]
    public async Task Prompts_longer_than_the_batch_are_prefilled_over_several_steps_beside_generating_samples()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var engine = LlamaEngine.Create(new LlamaEngineOptions { ContextSize = 8192, BatchSize = 16, MaxSequences = 16, Threads = 2 });
        await engine.LoadAsync("m", SharedModels.Stories260K, ct);
        var weights = engine.Host("m").Weights;
        var prompts = Enumerable.Range(0, 16).Select(i => LongPrompt[..(60 + i * 4)]).ToArray();

        var results = await Task.WhenAll(prompts.Select(p => engine.GenerateAsync(
            new GenerationRequest { Model = "m", Prompt = p, MaxTokens = 12 }, ct)));

        Assert.True(results[0].Usage.PromptTokens > 16, "the prompt must exceed one batch");
        for (var i = 0; i < prompts.Length; i++)
            Assert.Equal(ReferenceDecoder.Greedy(weights, prompts[i], 12), results[i].Samples[0].TokenIds);
    }

    [Fact]
    public void More_sequences_than_batch_slots_is_refused()
    {
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            LlamaEngine.Create(new LlamaEngineOptions { BatchSize = 16, MaxSequences = 32 }));
        Assert.Contains("must not exceed BatchSize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_engine_benchmark_runs_both_paths_on_a_model_with_long_tokenized_prompts()
    {
        var output = new StringWriter();
        var result = await new EngineBenchmark(SharedModels.Stories260K, new EngineBenchmarkSettings
        {
            Requests = 64, NewTokens = 4, Rounds = 1, ForkSamples = 4, ForkPromptTokens = 120, ForkNewTokens = 4, Threads = 2,
        }, output).RunAsync(TestContext.Current.CancellationToken);

        var lines = output.ToString().TrimEnd().Split('\n');
        Assert.StartsWith("fork-speedup: ", lines[^1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("engine-throughput-ratio: ", StringComparison.Ordinal));
        Assert.True(result.RawTokensPerSecond > 0 && result.SchedulerTokensPerSecond > 0 && result.ForkSpeedup > 0);
    }
}
