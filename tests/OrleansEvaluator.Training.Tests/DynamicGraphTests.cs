using System.Text;
using LLama;
using LLama.Common;
using OrleansEvaluator.Inference.Gguf;

namespace OrleansEvaluator.Training.Tests;

public sealed class DynamicGraphTests
{
    private static int[] Tokens()
    {
        using var weights = LLamaWeights.LoadFromFile(new ModelParams(SharedModels.Stories260K) { ContextSize = 256, GpuLayerCount = 0 });
        return weights.Tokenize(IdentityTests.Story, true, false, Encoding.UTF8).Select(t => (int)t).ToArray();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Graphs_rebuilt_every_window_train_exactly_like_static_graphs(bool lora)
    {
        var tokens = Tokens();
        var windows = Enumerable.Range(0, 3).Select(i => TrainingWindow.Causal(tokens.Skip(i * 10).Take(33).ToArray())).ToArray();
        var options = new TrainerOptions
        {
            ContextLength = 32, LearningRate = 2e-3f, GradientAccumulation = 2, Threads = 2,
            Lora = lora ? new LoraOptions { Rank = 4, TargetModules = ["attn_q", "ffn_down"] } : null,
        };
        GgufDocument Train(TrainerOptions o)
        {
            using var trainer = new LlamaTrainer(GgufDocument.Read(SharedModels.Stories260K), SharedModels.Stories260K, o);
            for (var i = 0; i < 6; i++)
            {
                trainer.Step(windows[i % 3]);
                trainer.Evaluate(windows[(i + 1) % 3]); // evaluations in the middle of an accumulation cycle
            }
            return lora ? trainer.ExportAdapter() : trainer.Export();
        }
        var fixedGraphs = Train(options);
        var rebuilt = Train(options with { ForceDynamicGraphs = true });
        foreach (var t in fixedGraphs.Tensors)
            Assert.True(t.Data.AsSpan().SequenceEqual(rebuilt.Tensor(t.Name).Data), $"{t.Name} differs");
    }

    [Fact]
    public void A_model_too_deep_for_static_graphs_trains_on_rebuilt_graphs()
    {
        var deep = LlamaModelFactory.Create(new LlamaShape { EmbeddingLength = 32, Layers = 24, Heads = 2, FeedForwardLength = 64, ContextLength = 64 },
            GgufDocument.Read(SharedModels.Stories260K), seed: 2);
        var window = TrainingWindow.Causal(Tokens().Take(33).ToArray());
        using var trainer = new LlamaTrainer(deep, "deep.gguf", new TrainerOptions { ContextLength = 32, LearningRate = 3e-3f, Threads = 2 });
        var before = trainer.Evaluate(window);
        for (var i = 0; i < 20; i++)
            trainer.Step(window);
        Assert.True(trainer.Evaluate(window) < before * 0.7, $"{before:F3} -> {trainer.Evaluate(window):F3}");
    }
}
