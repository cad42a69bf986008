using System.Runtime.InteropServices;
using OrleansEvaluator.Inference.Gguf;
using OrleansEvaluator.Training.Native;

namespace OrleansEvaluator.Training;

/// <summary>
/// Creates a new llama model from a shape and a tokenizer, with a sound random start: weights ~ N(0, 0.02), the
/// projections that feed the residual stream (<c>attn_output</c>, <c>ffn_down</c>) scaled by 1/√(2·layers), norms 1,
/// an untied output matrix. Seeded, so the same inputs give the same bytes.
/// </summary>
public static class LlamaModelFactory
{
    /// <summary>A new model; <paramref name="tokenizer"/> supplies every <c>tokenizer.*</c> key (its tensors are ignored).</summary>
    public static GgufDocument Create(LlamaShape shape, GgufDocument tokenizer, ulong seed, string name = "oeval-scratch")
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(tokenizer);
        if (shape.Validate() is [var problem, ..])
            throw new ArgumentException("Shape: " + problem);
        var vocabulary = (tokenizer.Get("tokenizer.ggml.tokens") as string[])?.Length
            ?? throw new ArgumentException("Tokenizer: no 'tokenizer.ggml.tokens' array.");

        var kvHeads = shape.KvHeads ?? shape.Heads;
        var headSize = shape.EmbeddingLength / shape.Heads;
        var model = new GgufDocument();
        model.Set("general.architecture", "llama");
        model.Set("general.name", name);
        model.Set("general.file_type", 0u);
        model.Set("llama.context_length", (uint)shape.ContextLength);
        model.Set("llama.embedding_length", (uint)shape.EmbeddingLength);
        model.Set("llama.block_count", (uint)shape.Layers);
        model.Set("llama.feed_forward_length", (uint)shape.FeedForwardLength);
        model.Set("llama.attention.head_count", (uint)shape.Heads);
        model.Set("llama.attention.head_count_kv", (uint)kvHeads);
        model.Set("llama.rope.dimension_count", (uint)headSize);
        model.Set("llama.rope.freq_base", shape.RopeFrequencyBase);
        model.Set("llama.attention.layer_norm_rms_epsilon", shape.RmsEpsilon);
        model.CopyMetadataFrom(tokenizer, k => k.StartsWith("tokenizer.", StringComparison.Ordinal));

        var random = new Random(unchecked((int)(seed ^ (seed >> 32))));
        var residual = 0.02f / MathF.Sqrt(2f * shape.Layers);
        var e = shape.EmbeddingLength;
        var kv = headSize * kvHeads;
        void Add(string tensor, long ne0, long ne1, float std) => model.Tensors.Add(Normal(tensor, ne0, ne1, std, random));
        void Norm(string tensor) => model.Tensors.Add(Ones(tensor, e));

        Add("token_embd.weight", e, vocabulary, 0.02f);
        Norm("output_norm.weight");
        Add("output.weight", e, vocabulary, 0.02f);
        for (var l = 0; l < shape.Layers; l++)
        {
            Norm($"blk.{l}.attn_norm.weight");
            Add($"blk.{l}.attn_q.weight", e, e, 0.02f);
            Add($"blk.{l}.attn_k.weight", e, kv, 0.02f);
            Add($"blk.{l}.attn_v.weight", e, kv, 0.02f);
            Add($"blk.{l}.attn_output.weight", e, e, residual);
            Norm($"blk.{l}.ffn_norm.weight");
            Add($"blk.{l}.ffn_gate.weight", e, shape.FeedForwardLength, 0.02f);
            Add($"blk.{l}.ffn_up.weight", e, shape.FeedForwardLength, 0.02f);
            Add($"blk.{l}.ffn_down.weight", shape.FeedForwardLength, e, residual);
        }
        return model;
    }

    private static GgufTensor Normal(string name, long ne0, long ne1, float std, Random random)
    {
        var values = new float[ne0 * ne1];
        for (var i = 0; i < values.Length; i += 2)
        {
            // Box–Muller: two independent normals from two uniforms.
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var r = Math.Sqrt(-2 * Math.Log(u1));
            values[i] = (float)(r * Math.Cos(2 * Math.PI * u2)) * std;
            if (i + 1 < values.Length)
                values[i + 1] = (float)(r * Math.Sin(2 * Math.PI * u2)) * std;
        }
        return new GgufTensor(name, [ne0, ne1], GgmlConst.TypeF32, MemoryMarshal.AsBytes(values.AsSpan()).ToArray());
    }

    private static GgufTensor Ones(string name, long n) =>
        new(name, [n], GgmlConst.TypeF32, MemoryMarshal.AsBytes(Enumerable.Repeat(1f, (int)n).ToArray().AsSpan()).ToArray());
}
