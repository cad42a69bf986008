using System.Text;
using LLama;
using LLama.Common;
using LLama.Native;
using OrleansEvaluator.Inference.Gguf;

namespace OrleansEvaluator.Training.Tests;

/// <summary>The trainer's graph computes the same loss as llama.cpp on the same windows.</summary>
public sealed class IdentityTests
{
    internal const string Story =
        "Once upon a time, there was a little girl named Lily. She loved to play outside in the park with her friends. " +
        "One day, she saw a big red ball under a tree. She ran to the ball and picked it up. It was shiny and new. " +
        "Lily wanted to share the ball with her friend Tom, so they played together all day and laughed a lot. " +
        "When the sun went down, Lily and Tom sat on the grass. They looked at the sky and saw the first stars. " +
        "Lily said, \"This was the best day ever!\" Tom smiled and nodded. Then they walked home, happy and tired.";

    [Theory]
    [InlineData("stories260K.gguf", 64)]
    [InlineData("stories260K.gguf", 128)]
    [InlineData("TinyStories-656K-Q8_0.gguf", 32)]
    public void Our_forward_loss_equals_llama_cpps_nll_on_the_same_window(string file, int window)
    {
        var path = Path.Combine(Path.GetDirectoryName(SharedModels.Stories260K)!, file);
        using var weights = LLamaWeights.LoadFromFile(new ModelParams(path) { ContextSize = 512, BatchSize = 512, GpuLayerCount = 0 });
        var tokens = weights.Tokenize(Story, true, false, Encoding.UTF8).Select(t => (int)t).ToArray();
        Assert.True(tokens.Length > window, $"the story has {tokens.Length} tokens");
        var sample = tokens[..(window + 1)];

        var expected = LlamaCppNll(weights, sample);
        using var evaluator = new ForwardEvaluator(GgufDocument.Read(path), path, window, threads: 2);
        var actual = evaluator.MeanNll(sample);

        Assert.True(Math.Abs(expected - actual) < 1e-4, $"llama.cpp {expected:F5}, trainer {actual:F5}");
    }

    internal static double LlamaCppNll(LLamaWeights weights, int[] tokens, LoraAdapter? adapter = null) => LlamaCppNlls(weights, tokens, adapter).Average();

    internal static double[] LlamaCppNlls(LLamaWeights weights, int[] tokens, LoraAdapter? adapter = null)
    {
        // The model's exact NLL: keys and values kept in F32 (llama.cpp's default F16 cache rounds them).
        using var context = weights.CreateContext(new ModelParams("unused")
        {
            ContextSize = 512, BatchSize = 512, Threads = 2, TypeK = GGMLType.GGML_TYPE_F32, TypeV = GGMLType.GGML_TYPE_F32, FlashAttention = false,
        });
        if (adapter is { } lora)
            context.NativeHandle.SetLoraAdapters(new[] { (lora, 1f) });
        var batch = new LLamaBatch();
        for (var i = 0; i < tokens.Length - 1; i++)
            batch.Add((LLamaToken)tokens[i], i, LLamaSeqId.Zero, true);
        Assert.Equal(DecodeResult.Ok, context.Decode(batch));
        var nlls = new double[tokens.Length - 1];
        for (var i = 0; i < tokens.Length - 1; i++)
        {
            var logits = context.NativeHandle.GetLogitsIth(i);
            var max = double.MinValue;
            foreach (var l in logits)
                max = Math.Max(max, l);
            double sum = 0;
            foreach (var l in logits)
                sum += Math.Exp(l - max);
            nlls[i] = max + Math.Log(sum) - logits[tokens[i + 1]];
        }
        return nlls;
    }
}
