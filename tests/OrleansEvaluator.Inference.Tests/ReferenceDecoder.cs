using System.Text;
using LLama;
using LLama.Common;
using LLama.Native;

namespace OrleansEvaluator.Inference.Tests;

/// <summary>
/// A plain single-sequence greedy decode straight on a llama.cpp context: the ground truth the scheduler's
/// output is compared with.
/// </summary>
internal static class ReferenceDecoder
{
    public static List<int> Greedy(LLamaWeights weights, string prompt, int maxTokens)
    {
        using var context = weights.CreateContext(new ModelParams("unused") { ContextSize = 1024, BatchSize = 512, Threads = 2 });
        var (batch, position) = Prefill(weights, context, prompt);
        var output = new List<int>();
        while (output.Count < maxTokens)
        {
            var logits = context.NativeHandle.GetLogitsIth(batch.TokenCount - 1);
            var best = 0;
            for (var t = 1; t < logits.Length; t++)
            {
                if (logits[t] > logits[best])
                    best = t;
            }
            var token = (LLamaToken)best;
            if (token.IsEndOfGeneration(weights.Vocab))
                break;
            output.Add(best);
            batch.Clear();
            batch.Add(token, position++, LLamaSeqId.Zero, true);
            Check(context.Decode(batch));
        }
        return output;
    }

    /// <summary>
    /// Teacher-forces <paramref name="generated"/> through a lone decode and returns, over all positions, the largest
    /// amount by which the chosen token's logit falls short of the best logit (0 for an exact greedy path).
    /// </summary>
    public static float GreedyShortfall(LLamaWeights weights, string prompt, IReadOnlyList<int> generated)
    {
        using var context = weights.CreateContext(new ModelParams("unused") { ContextSize = 1024, BatchSize = 512, Threads = 2 });
        var (batch, position) = Prefill(weights, context, prompt);
        var worst = 0f;
        foreach (var token in generated)
        {
            var logits = context.NativeHandle.GetLogitsIth(batch.TokenCount - 1);
            var best = float.MinValue;
            foreach (var l in logits)
                best = Math.Max(best, l);
            worst = Math.Max(worst, best - logits[token]);
            batch.Clear();
            batch.Add((LLamaToken)token, position++, LLamaSeqId.Zero, true);
            Check(context.Decode(batch));
        }
        return worst;
    }

    private static (LLamaBatch Batch, int Position) Prefill(LLamaWeights weights, LLamaContext context, string prompt)
    {
        var tokens = weights.Tokenize(prompt, weights.Vocab.ShouldAddBOS, special: false, Encoding.UTF8);
        var batch = new LLamaBatch();
        for (var i = 0; i < tokens.Length; i++)
            batch.Add(tokens[i], i, LLamaSeqId.Zero, i == tokens.Length - 1);
        Check(context.Decode(batch));
        return (batch, tokens.Length);
    }

    private static void Check(DecodeResult result)
    {
        if (result != DecodeResult.Ok)
            throw new InvalidOperationException($"decode failed: {result}");
    }
}
