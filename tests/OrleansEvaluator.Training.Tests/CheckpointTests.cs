using System.Text;
using LLama;
using LLama.Common;
using OrleansEvaluator.Inference.Gguf;

namespace OrleansEvaluator.Training.Tests;

public sealed class CheckpointTests
{
    [Fact]
    public void Resuming_from_a_checkpoint_gives_the_same_weights_as_an_uninterrupted_run()
    {
        const int window = 32;
        int[] tokens;
        using (var weights = LLamaWeights.LoadFromFile(new ModelParams(SharedModels.Stories260K) { ContextSize = 256, GpuLayerCount = 0 }))
            tokens = weights.Tokenize(IdentityTests.Story, true, false, Encoding.UTF8).Select(t => (int)t).ToArray();
        var windows = Enumerable.Range(0, 4).Select(i => TrainingWindow.Causal(tokens.Skip(i * 8).Take(window + 1).ToArray())).ToArray();
        var options = new TrainerOptions { ContextLength = window, LearningRate = 2e-3f, WarmupSteps = 2, TotalSteps = 8, GradientAccumulation = 2, WeightDecay = 0.01f, Threads = 2 };
        var schedule = Enumerable.Range(0, 16).Select(i => windows[i % windows.Length]).ToArray();

        GgufDocument straight;
        using (var trainer = new LlamaTrainer(GgufDocument.Read(SharedModels.Stories260K), SharedModels.Stories260K, options))
        {
            foreach (var w in schedule)
                trainer.Step(w);
            Assert.Equal(8, trainer.OptimizerSteps);
            straight = trainer.Export();
        }

        var checkpoint = Path.Combine(Directory.CreateTempSubdirectory("oeval-ckpt-").FullName, "step4.gguf");
        using (var first = new LlamaTrainer(GgufDocument.Read(SharedModels.Stories260K), SharedModels.Stories260K, options))
        {
            foreach (var w in schedule[..8])
                first.Step(w);
            first.SaveCheckpoint(checkpoint);
        }
        GgufDocument resumed;
        using (var second = LlamaTrainer.Resume(checkpoint, options))
        {
            Assert.Equal(4, second.OptimizerSteps);
            foreach (var w in schedule[8..])
                second.Step(w);
            resumed = second.Export();
        }

        Assert.Equal(straight.Tensors.Select(t => t.Name), resumed.Tensors.Select(t => t.Name));
        foreach (var t in straight.Tensors)
            Assert.True(t.Data.AsSpan().SequenceEqual(resumed.Tensor(t.Name).Data), $"tensor {t.Name} differs after resume");
        // And training did move the weights.
        var original = GgufDocument.Read(SharedModels.Stories260K);
        Assert.False(original.Tensor("blk.0.attn_q.weight").Data.AsSpan().SequenceEqual(straight.Tensor("blk.0.attn_q.weight").Data));
    }

    [Fact]
    public void A_checkpoint_in_the_middle_of_an_accumulation_cycle_or_a_plain_model_is_refused()
    {
        using var trainer = new LlamaTrainer(GgufDocument.Read(SharedModels.Stories260K), SharedModels.Stories260K,
            new TrainerOptions { ContextLength = 8, GradientAccumulation = 2, Threads = 1 });
        trainer.Step(TrainingWindow.Causal([1, 2, 3, 4, 5, 6, 7, 8, 9]));
        Assert.Throws<InvalidOperationException>(() => trainer.SaveCheckpoint(Path.GetTempFileName()));
        Assert.Contains("not a trainer checkpoint", Assert.Throws<InvalidDataException>(() =>
            LlamaTrainer.Resume(SharedModels.Stories260K, new TrainerOptions())).Message, StringComparison.Ordinal);
    }
}
