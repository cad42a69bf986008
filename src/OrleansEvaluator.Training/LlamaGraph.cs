using OrleansEvaluator.Training.Native;

namespace OrleansEvaluator.Training;

/// <summary>
/// The llama forward pass as ggml operations, numerically the same as llama.cpp's <c>llama</c> architecture (the
/// identity test holds it to that). Attention uses the explicit mask input, so packed windows can be
/// block-diagonal.
/// </summary>
internal static class LlamaGraph
{
    /// <summary>Builds logits [n_vocab, n_ctx] for the weights' inputs in compute context <paramref name="c"/>.</summary>
    public static IntPtr Build(IntPtr c, TrainingWeights w)
    {
        var p = w.Shape;
        var n = w.ContextLength;
        var hd = p.HeadDimensions;
        var x = GgmlApi.ggml_get_rows(c, w["token_embd.weight"], w.Tokens);
        for (var l = 0; l < p.Layers; l++)
        {
            var h = GgmlApi.ggml_mul(c, GgmlApi.ggml_rms_norm(c, x, p.RmsEpsilon), w[$"blk.{l}.attn_norm.weight"]);
            var q = GgmlApi.ggml_reshape_3d(c, Mm(c, w, $"blk.{l}.attn_q.weight", h), hd, p.Heads, n);
            var k = GgmlApi.ggml_reshape_3d(c, Mm(c, w, $"blk.{l}.attn_k.weight", h), hd, p.KvHeads, n);
            var v = GgmlApi.ggml_reshape_3d(c, Mm(c, w, $"blk.{l}.attn_v.weight", h), hd, p.KvHeads, n);
            q = Rope(c, q, w.Positions, p);
            k = Rope(c, k, w.Positions, p);
            q = GgmlApi.ggml_permute(c, q, 0, 2, 1, 3);
            k = GgmlApi.ggml_permute(c, k, 0, 2, 1, 3);
            v = GgmlApi.ggml_permute(c, v, 0, 2, 1, 3);
            // GQA: mul_mat broadcasts the KV heads over the query heads.
            var kq = GgmlApi.ggml_soft_max_ext(c, GgmlApi.ggml_mul_mat(c, k, q), w.AttentionMask, 1f / MathF.Sqrt(hd), 0f);
            var kqv = GgmlApi.ggml_mul_mat(c, GgmlApi.ggml_cont(c, GgmlApi.ggml_transpose(c, v)), kq);
            var o = GgmlApi.ggml_cont_2d(c, GgmlApi.ggml_permute(c, kqv, 0, 2, 1, 3), p.EmbeddingLength, n);
            x = GgmlApi.ggml_add(c, x, Mm(c, w, $"blk.{l}.attn_output.weight", o));
            h = GgmlApi.ggml_mul(c, GgmlApi.ggml_rms_norm(c, x, p.RmsEpsilon), w[$"blk.{l}.ffn_norm.weight"]);
            var g = GgmlApi.ggml_silu(c, Mm(c, w, $"blk.{l}.ffn_gate.weight", h));
            var up = Mm(c, w, $"blk.{l}.ffn_up.weight", h);
            x = GgmlApi.ggml_add(c, x, Mm(c, w, $"blk.{l}.ffn_down.weight", GgmlApi.ggml_mul(c, g, up)));
        }
        x = GgmlApi.ggml_mul(c, GgmlApi.ggml_rms_norm(c, x, p.RmsEpsilon), w["output_norm.weight"]);
        var output = w.Has("output.weight") ? w["output.weight"] : w["token_embd.weight"];
        return GgmlApi.ggml_mul_mat(c, output, x);
    }

    /// <summary>W·h, plus the adapter's (Alpha/Rank)·B·(A·h) when the weight is adapted (llama.cpp's build_lora_mm).</summary>
    private static IntPtr Mm(IntPtr c, TrainingWeights w, string weight, IntPtr h)
    {
        var y = GgmlApi.ggml_mul_mat(c, w[weight], h);
        var (a, b) = LoraOptions.TensorNames(weight);
        if (w.Lora is not { } lora || !w.Has(a))
            return y;
        var delta = GgmlApi.ggml_mul_mat(c, w[b], GgmlApi.ggml_mul_mat(c, w[a], h));
        return GgmlApi.ggml_add(c, y, GgmlApi.ggml_scale(c, delta, lora.Alpha / lora.Rank));
    }

    private static IntPtr Rope(IntPtr c, IntPtr t, IntPtr positions, LlamaHyperParameters p) =>
        GgmlApi.ggml_rope_ext(c, t, positions, IntPtr.Zero, p.RopeDimensions, GgmlConst.RopeNorm, 0,
            p.RopeFrequencyBase, 1f, 0f, 1f, 32f, 1f);
}
