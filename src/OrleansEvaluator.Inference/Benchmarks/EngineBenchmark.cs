using System.Diagnostics;
using System.Globalization;
using System.Text;
using LLama;
using LLama.Common;
using OrleansEvaluator.Generation;
using OrleansEvaluator.Inference.Configuration;
using OrleansEvaluator.Inference.Llama;

namespace OrleansEvaluator.Inference.Benchmarks;

/// <summary>
/// <c>oeval bench engine</c>: the scheduler against a raw batched loop on the same workload in the same process,
/// and forked samples against independent requests. Rounds alternate so that machine noise hits both sides.
/// </summary>
public sealed class EngineBenchmark(string modelPath, EngineBenchmarkSettings settings, TextWriter output)
{
    private static readonly string[] s_openers =
    [
        "Once upon a time", "The little dog", "Lily and Tom went to the park. They", "One day, a big bird",
        "The sun was hot and", "Tim had a red ball.", "Mom said to Sue,", "There was a cat who",
    ];

    private const string StoryText =
        "Once upon a time, there was a little girl named Lily. She loved to play outside in the park with her friends. " +
        "One day, she saw a big red ball under a tree. She ran to the ball and picked it up. It was shiny and new. " +
        "Lily wanted to share the ball with her friend Tom, so they played together all day and laughed a lot. ";

    public async Task<EngineBenchmarkResult> RunAsync(CancellationToken cancellationToken)
    {
        var options = new LlamaEngineOptions
        {
            ContextSize = settings.ContextSize, MaxSequences = settings.Requests, Threads = settings.Threads, BatchSize = 512,
        };
        await using var engine = LlamaEngine.Create(options);
        await engine.LoadAsync("bench", modelPath, cancellationToken);
        var weights = engine.Host("bench").Weights;
        var rawParams = new ModelParams(modelPath)
        {
            ContextSize = (uint)options.ContextSize, BatchSize = (uint)options.BatchSize, UBatchSize = (uint)options.BatchSize,
            SeqMax = (uint)options.MaxSequences, KVUnified = true, Threads = options.Threads, BatchThreads = options.Threads,
        };

        var prompts = Enumerable.Range(0, settings.Requests).Select(i => s_openers[i % s_openers.Length]).ToArray();
        output.WriteLine(Invariant($"engine bench: {Path.GetFileName(modelPath)}, {settings.Requests} requests x {settings.NewTokens} new tokens (greedy), {settings.Threads} threads, {settings.Rounds} rounds"));

        // Warm-up both paths once, so first-call costs are not measured.
        await RawBatchedLoop.RunAsync(weights, rawParams, prompts.Take(4).ToArray(), 4);
        await SchedulerRunAsync(engine, prompts.Take(4).ToArray(), 4, cancellationToken);

        var raw = new List<double>();
        var scheduled = new List<double>();
        for (var round = 0; round < settings.Rounds; round++)
        {
            var sw = Stopwatch.StartNew();
            var rawTokens = await RawBatchedLoop.RunAsync(weights, rawParams, prompts, settings.NewTokens);
            raw.Add(rawTokens / sw.Elapsed.TotalSeconds);

            sw.Restart();
            var schedulerTokens = await SchedulerRunAsync(engine, prompts, settings.NewTokens, cancellationToken);
            scheduled.Add(schedulerTokens / sw.Elapsed.TotalSeconds);
            if (schedulerTokens != rawTokens)
                throw new InvalidOperationException($"The two paths generated different token counts ({schedulerTokens} vs {rawTokens}); the workload is not the same.");
            output.WriteLine(Invariant($"  round {round + 1}: raw {raw[^1]:F0} tok/s, scheduler {scheduled[^1]:F0} tok/s ({rawTokens} tokens each)"));
        }
        var rawMedian = Median(raw);
        var schedulerMedian = Median(scheduled);
        output.WriteLine(Invariant($"raw BatchedExecutor loop: {rawMedian:F0} tok/s (median)"));
        output.WriteLine(Invariant($"scheduler:                {schedulerMedian:F0} tok/s (median)"));
        var throughputRatio = schedulerMedian / rawMedian;
        output.WriteLine(Invariant($"engine-throughput-ratio: {throughputRatio:F2}"));

        var longPrompt = BuildPrompt(weights, settings.ForkPromptTokens);
        var promptTokens = weights.Tokenize(longPrompt, weights.Vocab.ShouldAddBOS, false, Encoding.UTF8).Length;
        output.WriteLine(Invariant($"fork bench: {settings.ForkSamples} samples of one {promptTokens}-token prompt x {settings.ForkNewTokens} new tokens (temperature 0.8)"));
        var request = new GenerationRequest
        {
            Model = "bench", Prompt = longPrompt, MaxTokens = settings.ForkNewTokens, Temperature = 0.8f, Seed = 42,
            Samples = settings.ForkSamples,
        };
        await engine.GenerateAsync(request with { Samples = 1, MaxTokens = 2 }, cancellationToken);
        var forked = new List<double>();
        var independent = new List<double>();
        for (var round = 0; round < settings.Rounds; round++)
        {
            var sw = Stopwatch.StartNew();
            await engine.GenerateAsync(request, cancellationToken);
            forked.Add(sw.Elapsed.TotalSeconds);

            sw.Restart();
            await Task.WhenAll(Enumerable.Range(0, settings.ForkSamples).Select(i =>
                engine.GenerateAsync(request with { Samples = 1, Seed = request.Seed + (uint)i }, cancellationToken)));
            independent.Add(sw.Elapsed.TotalSeconds);
            output.WriteLine(Invariant($"  round {round + 1}: forked {forked[^1] * 1000:F0} ms, independent {independent[^1] * 1000:F0} ms"));
        }
        var forkSpeedup = Median(independent) / Median(forked);
        output.WriteLine(Invariant($"fork-speedup: {forkSpeedup:F2}"));
        return new EngineBenchmarkResult(rawMedian, schedulerMedian, throughputRatio, forkSpeedup);
    }

    private static async Task<int> SchedulerRunAsync(LlamaEngine engine, IReadOnlyList<string> prompts, int newTokens, CancellationToken ct)
    {
        var results = await Task.WhenAll(prompts.Select(p => engine.GenerateAsync(
            new GenerationRequest { Model = "bench", Prompt = p, MaxTokens = newTokens }, ct)));
        return results.Sum(r => r.Usage.GeneratedTokens);
    }

    private static string BuildPrompt(LLamaWeights weights, int tokens)
    {
        var sb = new StringBuilder();
        while (weights.Tokenize(sb.ToString(), weights.Vocab.ShouldAddBOS, false, Encoding.UTF8).Length < tokens)
            sb.Append(StoryText);
        // Trim back by sentences towards the target length.
        var text = sb.ToString();
        while (text.Length > 0)
        {
            var cut = text.LastIndexOf(". ", text.Length - 3, StringComparison.Ordinal);
            if (cut < 0 || weights.Tokenize(text[..(cut + 2)], weights.Vocab.ShouldAddBOS, false, Encoding.UTF8).Length < tokens)
                break;
            text = text[..(cut + 2)];
        }
        return text;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
