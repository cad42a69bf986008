using System.Text;
using LLama;
using LLama.Common;
using OrleansEvaluator.Inference.Gguf;

namespace OrleansEvaluator.Training.Tests;

public sealed class LlamaTrainerTests
{
    private const int Window = 48;

    private static int[] StoryTokens(int count)
    {
        using var weights = LLamaWeights.LoadFromFile(new ModelParams(SharedModels.Stories260K) { ContextSize = 256, GpuLayerCount = 0 });
        return weights.Tokenize(IdentityTests.Story, true, false, Encoding.UTF8).Select(t => (int)t).Take(count).ToArray();
    }

    private static TrainingWindow Masked(int[] tokens, Func<int, bool> isTarget) =>
        TrainingWindow.Causal(tokens) with { Targets = Enumerable.Range(0, tokens.Length - 1).Select(isTarget).ToArray() };

    [Fact]
    public void A_step_whose_targets_are_all_masked_has_zero_loss_and_leaves_every_weight_unchanged()
    {
        var model = GgufDocument.Read(SharedModels.Stories260K);
        using var trainer = new LlamaTrainer(model, SharedModels.Stories260K, new TrainerOptions { ContextLength = Window, LearningRate = 1e-2f, Threads = 2 });
        var loss = trainer.Step(Masked(StoryTokens(Window + 1), _ => false));
        Assert.Equal(0, loss);
        var after = trainer.Export();
        Assert.Equal(1, trainer.OptimizerSteps);
        foreach (var t in model.Tensors)
            Assert.True(t.Data.AsSpan().SequenceEqual(after.Tensor(t.Name).Data), $"tensor {t.Name} changed");
    }

    [Fact]
    public void The_loss_counts_only_target_positions_and_equals_llama_cpps_nll_there()
    {
        var tokens = StoryTokens(Window + 1);
        using var weights = LLamaWeights.LoadFromFile(new ModelParams(SharedModels.Stories260K) { ContextSize = 256, GpuLayerCount = 0 });
        var nlls = IdentityTests.LlamaCppNlls(weights, tokens);
        using var trainer = new LlamaTrainer(GgufDocument.Read(SharedModels.Stories260K), SharedModels.Stories260K, new TrainerOptions { ContextLength = Window, Threads = 2 });

        var lastThird = trainer.Evaluate(Masked(tokens, i => i >= 32));
        Assert.True(Math.Abs(nlls.Skip(32).Average() - lastThird) < 1e-4, $"llama.cpp {nlls.Skip(32).Average():F5}, trainer {lastThird:F5}");
        var everyOther = trainer.Evaluate(Masked(tokens, i => i % 2 == 0));
        Assert.True(Math.Abs(nlls.Where((_, i) => i % 2 == 0).Average() - everyOther) < 1e-4);
    }

    [Fact]
    public void A_packed_example_after_another_scores_as_if_it_stood_alone()
    {
        var tokens = StoryTokens(Window + 1);
        using var trainer = new LlamaTrainer(GgufDocument.Read(SharedModels.Stories260K), SharedModels.Stories260K, new TrainerOptions { ContextLength = Window, Threads = 2 });
        // Segment 0 = tokens[0..20), segment 1 = tokens[20..48) with positions from 0 again and a BOS-free start.
        var packed = new TrainingWindow(tokens, Enumerable.Range(0, Window).Select(i => i >= 20 && i < Window).ToArray(),
            Enumerable.Range(0, Window).Select(i => i < 20 ? i : i - 20).ToArray(), Enumerable.Range(0, Window).Select(i => i < 20 ? 0 : 1).ToArray());
        var alone = tokens[20..].Concat(Enumerable.Repeat(tokens[^1], 20)).ToArray();
        var aloneWindow = Masked(alone, i => i < Window - 20);
        Assert.True(Math.Abs(trainer.Evaluate(packed) - trainer.Evaluate(aloneWindow)) < 1e-4);
    }

    [Fact]
    public void Training_lowers_the_loss_and_the_written_gguf_reproduces_it_in_llama_cpp()
    {
        var tokens = StoryTokens(Window + 1);
        var window = TrainingWindow.Causal(tokens);
        using var trainer = new LlamaTrainer(GgufDocument.Read(SharedModels.Stories260K), SharedModels.Stories260K,
            new TrainerOptions { ContextLength = Window, LearningRate = 3e-3f, WarmupSteps = 3, TotalSteps = 30, Threads = 2 });
        var before = trainer.Evaluate(window);
        for (var i = 0; i < 30; i++)
            trainer.Step(window);
        var after = trainer.Evaluate(window);
        Assert.True(after < before * 0.5, $"loss {before:F3} -> {after:F3}");

        var path = Path.Combine(Directory.CreateTempSubdirectory("oeval-train-").FullName, "trained.gguf");
        trainer.Export().Write(path);
        using var weights = LLamaWeights.LoadFromFile(new ModelParams(path) { ContextSize = 256, GpuLayerCount = 0 });
        var reloaded = IdentityTests.LlamaCppNll(weights, tokens);
        Assert.True(Math.Abs(reloaded - after) < 1e-3, $"trainer {after:F5}, llama.cpp on the written file {reloaded:F5}");
    }

    [Fact]
    public void Bad_input_is_refused_before_any_native_call()
    {
        Assert.Throws<NotSupportedException>(() => new LlamaTrainer(GgufDocument.Read(SharedModels.TinyStories656K), SharedModels.TinyStories656K, new TrainerOptions()));
        Assert.Contains("LearningRate", Assert.Throws<ArgumentException>(() =>
            new LlamaTrainer(GgufDocument.Read(SharedModels.Stories260K), SharedModels.Stories260K, new TrainerOptions { LearningRate = 0 })).Message, StringComparison.Ordinal);
        using var trainer = new LlamaTrainer(GgufDocument.Read(SharedModels.Stories260K), SharedModels.Stories260K, new TrainerOptions { ContextLength = 8, Threads = 1 });
        Assert.Contains("outside the vocabulary", Assert.Throws<ArgumentException>(() =>
            trainer.Step(TrainingWindow.Causal([1, 2, 3, 4, 5, 6, 7, 8, 9999]))).Message, StringComparison.Ordinal);
        Assert.Contains("Targets: 2 entries, the trainer's window is 8", Assert.Throws<ArgumentException>(() => trainer.Step(TrainingWindow.Causal([1, 2, 3]))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsupported_architecture_or_tensor_type_is_refused_by_name()
    {
        var qwen = GgufDocument.Read(SharedModels.Stories260K);
        qwen.Set("general.architecture", "qwen2");
        Assert.Contains("architecture 'qwen2' is not supported", Assert.Throws<NotSupportedException>(() =>
            new LlamaTrainer(qwen, "qwen.gguf", new TrainerOptions())).Message, StringComparison.Ordinal);

        var q4 = GgufDocument.Read(SharedModels.Stories260K);
        var norm = q4.Tensors.First(t => t.Name == "output_norm.weight");
        q4.Tensors[q4.Tensors.IndexOf(norm)] = new GgufTensor("output_norm.weight", [64], 2, new byte[36]); // Q4_0: two blocks of 18 bytes
        Assert.Contains("Q4_0", Assert.Throws<NotSupportedException>(() => new LlamaTrainer(q4, "q4.gguf", new TrainerOptions())).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_schedule_warms_up_linearly_then_decays_by_cosine_to_the_floor()
    {
        var o = new TrainerOptions { LearningRate = 1f, WarmupSteps = 4, TotalSteps = 14, MinLearningRateRatio = 0.1f };
        Assert.Equal(0.25f, o.LearningRateAt(0));
        Assert.Equal(1f, o.LearningRateAt(3));
        Assert.Equal(1f, o.LearningRateAt(4));
        Assert.Equal(0.55f, o.LearningRateAt(9), 4);
        Assert.Equal(0.1f, o.LearningRateAt(14), 4);
        Assert.Equal(0.1f, o.LearningRateAt(100), 4);
    }
}
