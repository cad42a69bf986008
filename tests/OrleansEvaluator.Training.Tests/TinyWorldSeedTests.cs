using System.Diagnostics;
using System.Globalization;
using OrleansEvaluator.Core.Parsing;
using OrleansEvaluator.Core.TinyWorld;
using OrleansEvaluator.Generation;
using OrleansEvaluator.Inference.Configuration;
using OrleansEvaluator.Inference.Llama;
using OrleansEvaluator.Training.TinyWorld;

namespace OrleansEvaluator.Training.Tests;

/// <summary>The TinyWorld seed, made from nothing by our trainer and read back by llama.cpp through LLamaSharp.</summary>
public sealed class TinyWorldSeedTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("oeval-seed-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Greedy answers of the seed to tasks, through the engine with the raw chat format, by family.</summary>
    internal static async Task<IReadOnlyDictionary<TinyFamily, (int Right, int All)>> AnswerAccuracyAsync(
        string model, IEnumerable<TinyTask> tasks, CancellationToken ct)
    {
        await using var engine = LlamaEngine.Create(new LlamaEngineOptions
        {
            ContextSize = 4096, MaxSequences = 64, Threads = 2, ChatTemplateFallback = RawPrompt.TemplateName,
        });
        await engine.LoadAsync("seed", model, ct);
        var results = await Task.WhenAll(tasks.Select(async task =>
        {
            var result = await engine.GenerateAsync(new GenerationRequest
            {
                Model = "seed", Messages = TinyWorldTemplates.Answer.Format(task.Text), MaxTokens = 6,
            }, ct);
            return (task.Family, Right: task.IsCorrect(AnswerParser.Parse(result.Text).Answer));
        }));
        return results.GroupBy(r => r.Family).ToDictionary(g => g.Key, g => (g.Count(r => r.Right), g.Count()));
    }

    [Fact]
    public async Task A_small_seed_trains_from_nothing_loads_in_llama_cpp_reads_one_token_per_word_and_is_cached()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = new TinyWorldSeedOptions
        {
            World = new TinyWorldOptions { Seed = 3, AnsweringExamples = 2000, ModificationExamples = 1000 },
            Shape = new LlamaShape { EmbeddingLength = 64, Layers = 2, Heads = 2, FeedForwardLength = 192, ContextLength = 64 },
            Threads = 2,
        };
        var losses = new List<double>();
        var (path, trained) = TinyWorldSeed.Bootstrap(options, _folder, new Collect(losses), ct);
        Assert.NotNull(trained);
        Assert.True(losses[^1] < losses[0] * 0.5, $"loss {losses[0]:F3} -> {losses[^1]:F3}");

        var clock = Stopwatch.StartNew();
        var again = TinyWorldSeed.Bootstrap(options, _folder, cancellationToken: ct);
        Assert.Equal(path, again.Path);
        Assert.Null(again.Trained);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
        Assert.NotEqual(TinyWorldSeed.CacheKey(options), TinyWorldSeed.CacheKey(options with { Epochs = 2 }));

        // The engine's default fallback (chatml): the seed's own metadata says it reads raw text.
        await using var engine = LlamaEngine.Create(new LlamaEngineOptions { ContextSize = 512, MaxSequences = 2, Threads = 2 });
        await engine.LoadAsync("seed", path, ct);
        Assert.Equal("declared:" + RawPrompt.TemplateName, engine.Models.Single().ChatTemplate);
        var result = await engine.GenerateAsync(new GenerationRequest
        {
            Model = "seed", Messages = TinyWorldTemplates.Answer.Format("bigger 3 or 8"), MaxTokens = 4,
        }, ct);
        // BOS, question:, bigger, 3, or, 8, answer: — one token per word.
        Assert.Equal(7, result.Usage.PromptTokens);
        Assert.Equal("question: bigger 3 or 8 answer:", result.PromptText);
    }

    [Fact]
    public void A_seed_without_examples_is_refused_before_anything_is_written()
    {
        var options = new TinyWorldSeedOptions { World = new TinyWorldOptions { AnsweringExamples = 0, ModificationExamples = 0 } };
        var problem = Assert.Single(options.Validate());
        Assert.StartsWith("World.AnsweringExamples, World.ModificationExamples: the seed needs at least one example", problem, StringComparison.Ordinal);
        Assert.Empty(new TinyWorldSeedOptions { World = new TinyWorldOptions { AnsweringExamples = 0, ModificationExamples = 1 } }.Validate());

        var folder = Path.Combine(_folder, "refused");
        var error = Assert.Throws<ArgumentException>(() => TinyWorldSeed.Bootstrap(options, folder, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("the seed needs at least one example", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Seed_rows_count_every_token_of_answers_and_the_target_alone_of_modifications_and_documents()
    {
        var options = new TinyWorldOptions { Seed = 3, AnsweringExamples = 300, ModificationExamples = 100, AfterResponsesFraction = 0 };

        var plain = TinyWorldSeed.Examples(new TinyWorldGenerator(options));
        Assert.Equal(100, plain.Count(r => r.AnswerOnlyLoss));
        Assert.All(plain, r => Assert.Equal(r.Prompt.EndsWith("modify:", StringComparison.Ordinal), r.AnswerOnlyLoss));

        var rows = TinyWorldSeed.Examples(new TinyWorldGenerator(options with { DocumentFraction = 0.5 }));
        Assert.Equal(400, rows.Count);
        var lone = rows.Where(r => r.Prompt.Split("question:").Length == 2 && !r.Prompt.EndsWith("modify:", StringComparison.Ordinal)).ToList();
        Assert.InRange(lone.Count, 100, 200);
        Assert.All(lone, r => Assert.False(r.AnswerOnlyLoss, r.Prompt));
        Assert.All(rows.Except(lone), r => Assert.True(r.AnswerOnlyLoss, r.Prompt));
        Assert.Equal(100, rows.Count(r => r.Prompt.EndsWith("modify:", StringComparison.Ordinal)));
    }

    [Fact]
    public void Seed_rows_after_responses_count_every_token_so_the_seed_reads_the_judge_layout()
    {
        var options = new TinyWorldOptions { Seed = 3, AnsweringExamples = 300, ModificationExamples = 100, AfterResponsesFraction = 0.5 };

        var rows = TinyWorldSeed.Examples(new TinyWorldGenerator(options));

        var after = rows.Where(r => r.Prompt.StartsWith("answer:", StringComparison.Ordinal)).ToList();
        Assert.InRange(after.Count, 100, 200);
        Assert.All(after, r => Assert.False(r.AnswerOnlyLoss, r.Prompt));
        Assert.All(rows.Except(after), r => Assert.Equal(r.Prompt.EndsWith("modify:", StringComparison.Ordinal), r.AnswerOnlyLoss));
        Assert.Equal(0.3, new TinyWorldOptions().AfterResponsesFraction);
    }

    private sealed class Collect(List<double> losses) : IProgress<SftProgress>
    {
        public void Report(SftProgress value) => losses.Add(value.Loss);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_seed_on_a_third_of_the_default_data_answers_the_worlds_instructions()
    {
        var ct = TestContext.Current.CancellationToken;
        // A third of the demo's examples, every answer asked alone: with 30% asked after responses (the default) a third of
        // the data answered 10 of 29 repeats in the answering prompt; the demo's full data answers 94% of them there.
        var defaults = new TinyWorldOptions();
        var options = new TinyWorldSeedOptions
        {
            Threads = 2,
            World = defaults with
            {
                Seed = 7, AnsweringExamples = defaults.AnsweringExamples / 3, ModificationExamples = defaults.ModificationExamples / 3,
                AfterResponsesFraction = 0,
            },
        };
        var clock = Stopwatch.StartNew();
        var (path, trained) = TinyWorldSeed.Bootstrap(options, _folder, cancellationToken: ct);
        var seconds = clock.Elapsed.TotalSeconds;
        var world = new TinyWorldGenerator(options.World);
        var pool = await AnswerAccuracyAsync(path, world.PoolTasks, ct);
        var heldOut = await AnswerAccuracyAsync(path, world.HeldOutTasks, ct);
        string Show(IReadOnlyDictionary<TinyFamily, (int Right, int All)> a) =>
            string.Join(", ", a.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Key} {f.Value.Right}/{f.Value.All}")));
        TestContext.Current.SendDiagnosticMessage($"seed: {seconds:F0} s, loss {trained!.TrainLoss[0]:F3} -> {trained.TrainLoss[^1]:F3}; pool: {Show(pool)}; held out: {Show(heldOut)}");
        // Chance is about 1 in 100 words. Measured: above 90% with the judge prompt of version 1 in the vocabulary,
        // 83% (88 of 106) after version 2 changed the vocabulary and with it the initial weights, and 58% (61 of 106)
        // with the same code on an AVX-512 machine, whose kernels round differently: the floor allows for that.
        Assert.True(pool[TinyFamily.Repeat].Right > 0.5 * pool[TinyFamily.Repeat].All, Show(pool));
    }
}
