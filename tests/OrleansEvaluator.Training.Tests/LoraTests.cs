using System.Text;
using LLama;
using LLama.Common;
using OrleansEvaluator.Inference.Gguf;

namespace OrleansEvaluator.Training.Tests;

public sealed class LoraTests
{
    private static int[] Tokens(string model)
    {
        using var weights = LLamaWeights.LoadFromFile(new ModelParams(model) { ContextSize = 256, GpuLayerCount = 0 });
        return weights.Tokenize(IdentityTests.Story, true, false, Encoding.UTF8).Select(t => (int)t).ToArray();
    }

    [Fact]
    public void Lora_on_the_quantized_model_lowers_held_out_loss_and_its_adapter_loads_in_llama_cpp_with_the_same_loss()
    {
        var model = SharedModels.TinyStories656K;
        var tokens = Tokens(model);
        const int window = 24;
        var train = Enumerable.Range(0, 3).Select(i => TrainingWindow.Causal(tokens.Skip(i * 12).Take(window + 1).ToArray())).ToArray();
        var heldOut = TrainingWindow.Causal(tokens.Skip(40).Take(window + 1).ToArray());
        var options = new TrainerOptions { ContextLength = window, LearningRate = 2e-3f, Threads = 2, Lora = new LoraOptions { Rank = 8, Alpha = 8, Seed = 1 } };

        using var trainer = new LlamaTrainer(GgufDocument.Read(model), model, options);
        var before = trainer.Evaluate(heldOut);
        for (var step = 0; step < 30; step++)
            trainer.Step(train[step % train.Length]);
        var after = trainer.Evaluate(heldOut);
        Assert.True(after < before, $"held-out loss {before:F4} -> {after:F4}");

        var dir = Directory.CreateTempSubdirectory("oeval-lora-").FullName;
        var adapterPath = Path.Combine(dir, "adapter.gguf");
        trainer.ExportAdapter().Write(adapterPath);
        using var weights = LLamaWeights.LoadFromFile(new ModelParams(model) { ContextSize = 256, GpuLayerCount = 0 });
        var adapter = weights.NativeHandle.LoadLoraFromFile(adapterPath);
        var llama = IdentityTests.LlamaCppNll(weights, heldOut.Tokens, adapter);
        Assert.True(Math.Abs(llama - after) < 1e-3, $"trainer {after:F5}, llama.cpp with the adapter {llama:F5}");
    }

    [Fact]
    public void A_merged_adapter_scores_like_the_adapter_and_a_lora_checkpoint_resumes_exactly()
    {
        var model = SharedModels.Stories260K;
        var tokens = Tokens(model);
        const int window = 32;
        var windows = Enumerable.Range(0, 2).Select(i => TrainingWindow.Causal(tokens.Skip(i * 16).Take(window + 1).ToArray())).ToArray();
        var options = new TrainerOptions { ContextLength = window, LearningRate = 3e-3f, Threads = 2, Lora = new LoraOptions { Rank = 4, Alpha = 8, TargetModules = ["attn_q", "attn_v", "ffn_up"] } };
        var dir = Directory.CreateTempSubdirectory("oeval-lora-").FullName;
        var checkpoint = Path.Combine(dir, "lora.ckpt.gguf");

        GgufDocument straightAdapter;
        double trained;
        using (var trainer = new LlamaTrainer(GgufDocument.Read(model), model, options))
        {
            for (var step = 0; step < 8; step++)
            {
                trainer.Step(windows[step % 2]);
                if (step == 3)
                    trainer.SaveCheckpoint(checkpoint);
            }
            straightAdapter = trainer.ExportAdapter();
            trained = trainer.Evaluate(windows[0]);
            var merged = Path.Combine(dir, "merged.gguf");
            trainer.Export().Write(merged);
            using var mergedWeights = LLamaWeights.LoadFromFile(new ModelParams(merged) { ContextSize = 256, GpuLayerCount = 0 });
            var mergedLoss = IdentityTests.LlamaCppNll(mergedWeights, windows[0].Tokens);
            Assert.True(Math.Abs(mergedLoss - trained) < 1e-3, $"trainer {trained:F5}, merged model in llama.cpp {mergedLoss:F5}");
        }

        using var resumed = LlamaTrainer.Resume(checkpoint, options);
        for (var step = 4; step < 8; step++)
            resumed.Step(windows[step % 2]);
        var resumedAdapter = resumed.ExportAdapter();
        foreach (var t in straightAdapter.Tensors)
            Assert.True(t.Data.AsSpan().SequenceEqual(resumedAdapter.Tensor(t.Name).Data), $"{t.Name} differs after resume");
        Assert.Equal(5 * 3 * 2, straightAdapter.Tensors.Count); // 5 layers x 3 modules x (A, B)
    }
}
