using System.Security.Cryptography;
using System.Text;
using LLama;
using LLama.Common;
using OrleansEvaluator.Generation;
using OrleansEvaluator.Inference.Configuration;
using OrleansEvaluator.Inference.Gguf;
using OrleansEvaluator.Inference.Llama;

namespace OrleansEvaluator.Training.Tests;

public sealed class ScratchModelTests
{
    private static readonly LlamaShape s_shape = new() { EmbeddingLength = 64, Layers = 2, Heads = 4, KvHeads = 2, FeedForwardLength = 128, ContextLength = 128 };

    [Fact]
    public async Task A_new_model_loads_in_llama_cpp_starts_near_uniform_and_learns()
    {
        var ct = TestContext.Current.CancellationToken;
        var tokenizer = GgufDocument.Read(SharedModels.Stories260K);
        var model = LlamaModelFactory.Create(s_shape, tokenizer, seed: 4);
        var path = Path.Combine(Directory.CreateTempSubdirectory("oeval-scratch-").FullName, "scratch.gguf");
        model.Write(path);

        using var again = new MemoryStream();
        LlamaModelFactory.Create(s_shape, tokenizer, seed: 4).WriteTo(again);
        Assert.Equal(SHA256.HashData(File.ReadAllBytes(path)), SHA256.HashData(again.ToArray()));

        await using (var engine = LlamaEngine.Create(new LlamaEngineOptions { ContextSize = 512, MaxSequences = 2, Threads = 2 }))
        {
            await engine.LoadAsync("scratch", path, ct);
            var generated = await engine.GenerateAsync(new GenerationRequest { Model = "scratch", Prompt = "Once upon a time", MaxTokens = 8 }, ct);
            Assert.Equal(8, generated.Samples[0].TokenIds.Count);
        }

        int[] tokens;
        using (var weights = LLamaWeights.LoadFromFile(new ModelParams(path) { ContextSize = 256, GpuLayerCount = 0 }))
            tokens = weights.Tokenize(IdentityTests.Story, true, false, Encoding.UTF8).Select(t => (int)t).Take(65).ToArray();
        using var trainer = new LlamaTrainer(model, path, new TrainerOptions { ContextLength = 64, LearningRate = 3e-3f, Threads = 2 });
        var window = TrainingWindow.Causal(tokens);
        var start = trainer.Evaluate(window);
        Assert.InRange(start, Math.Log(512) - 0.5, Math.Log(512) + 0.5);
        for (var i = 0; i < 40; i++)
            trainer.Step(window);
        Assert.True(trainer.Evaluate(window) < start / 2, $"loss {start:F3} -> {trainer.Evaluate(window):F3}");
    }

    [Fact]
    public void A_vocabulary_made_for_known_words_gives_one_token_per_word_and_still_encodes_anything()
    {
        var vocabulary = SpmVocabulary.Create(["cat", "dog", "apple", "banana"]);
        var path = Path.Combine(Directory.CreateTempSubdirectory("oeval-vocab-").FullName, "words.gguf");
        LlamaModelFactory.Create(s_shape with { EmbeddingLength = 32, Heads = 2, KvHeads = null, Layers = 1 }, vocabulary, seed: 1).Write(path);
        using var weights = LLamaWeights.LoadFromFile(new ModelParams(path) { ContextSize = 256, GpuLayerCount = 0 });
        var known = weights.Tokenize("cat dog banana apple", false, false, Encoding.UTF8);
        Assert.Equal(4, known.Length);
        var unknown = weights.Tokenize("zebra é!", false, false, Encoding.UTF8);
        Assert.True(unknown.Length > 4);
        var decoder = new StreamingTokenDecoder(Encoding.UTF8, weights);
        decoder.AddRange(unknown);
        Assert.Equal("zebra é!", decoder.Read().TrimStart());
    }

    [Fact]
    public void Models_beyond_even_rebuilt_graphs_are_refused_before_ggml_would_abort()
    {
        var huge = LlamaModelFactory.Create(s_shape with { EmbeddingLength = 16, Heads = 2, KvHeads = null, Layers = 160, FeedForwardLength = 16 }, GgufDocument.Read(SharedModels.Stories260K), 1);
        var error = Assert.Throws<NotSupportedException>(() => new LlamaTrainer(huge, "huge.gguf", new TrainerOptions { ContextLength = 8 }));
        Assert.Contains("160 layers", error.Message, StringComparison.Ordinal);
        Assert.True(LlamaTrainer.EstimatedGraphNodes(16, null) <= 2000);
        Assert.True(LlamaTrainer.EstimatedGraphNodes(9, 7) <= 2000);
        Assert.True(LlamaTrainer.EstimatedGraphNodes(10, 7) > 2000);
    }

    [Fact]
    public void Impossible_shapes_are_refused_naming_the_field()
    {
        var tokenizer = GgufDocument.Read(SharedModels.Stories260K);
        Assert.Contains("Heads", Assert.Throws<ArgumentException>(() => LlamaModelFactory.Create(s_shape with { Heads = 3 }, tokenizer, 1)).Message, StringComparison.Ordinal);
        Assert.Contains("KvHeads", Assert.Throws<ArgumentException>(() => LlamaModelFactory.Create(s_shape with { KvHeads = 3 }, tokenizer, 1)).Message, StringComparison.Ordinal);
        Assert.Contains("tokenizer.ggml.tokens", Assert.Throws<ArgumentException>(() => LlamaModelFactory.Create(s_shape, new GgufDocument(), 1)).Message, StringComparison.Ordinal);
    }
}
