using System.Text;
using LLama;
using LLama.Batched;
using LLama.Common;
using LLama.Native;

namespace OrleansEvaluator.Inference.Benchmarks;

/// <summary>
/// The least a program can do to greedy-decode many prompts at once with LLamaSharp: one executor, one
/// conversation per prompt, prompt all, then infer-sample-prompt until done. The yardstick for the scheduler.
/// </summary>
public static class RawBatchedLoop
{
    /// <summary>Decodes every prompt greedily for up to <paramref name="maxTokens"/> tokens; returns generated token counts.</summary>
    public static async Task<int> RunAsync(LLamaWeights weights, ModelParams parameters, IReadOnlyList<string> prompts, int maxTokens)
    {
        using var executor = new BatchedExecutor(weights, parameters);
        var conversations = new List<(Conversation Conversation, SafeLLamaSamplerChainHandle Sampler)>();
        try
        {
            foreach (var prompt in prompts)
            {
                var sampler = SafeLLamaSamplerChainHandle.Create(LLamaSamplerChainParams.Default());
                sampler.AddGreedySampler();
                var conversation = executor.Create();
                conversations.Add((conversation, sampler));
                conversation.Prompt(weights.Tokenize(prompt, weights.Vocab.ShouldAddBOS, special: false, Encoding.UTF8));
            }

            var generated = 0;
            var live = conversations.Count;
            var counts = new int[conversations.Count];
            var done = new bool[conversations.Count];
            while (live > 0)
            {
                // Each Infer decodes the oldest queued batch; its conversations must be sampled before the next one.
                var status = await executor.Infer();
                if (status != DecodeResult.Ok)
                    throw new InvalidOperationException($"decode failed: {status}");
                for (var i = 0; i < conversations.Count; i++)
                {
                    if (done[i] || !conversations[i].Conversation.RequiresSampling)
                        continue;
                    var (conversation, sampler) = conversations[i];
                    var token = conversation.Sample(sampler);
                    if (token.IsEndOfGeneration(weights.Vocab) || ++counts[i] >= maxTokens)
                    {
                        generated += token.IsEndOfGeneration(weights.Vocab) ? 0 : 1;
                        done[i] = true;
                        live--;
                        continue;
                    }
                    generated++;
                    conversation.Prompt(token);
                }
            }
            return generated;
        }
        finally
        {
            foreach (var (conversation, sampler) in conversations)
            {
                conversation.Dispose();
                sampler.Dispose();
            }
        }
    }
}
