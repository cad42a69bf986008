using System.Globalization;
using OrleansEvaluator.Inference.Gguf;

namespace OrleansEvaluator.Training;

/// <summary>The shape of a llama-architecture model, read from its GGUF metadata.</summary>
public sealed record LlamaHyperParameters(
    int EmbeddingLength, int Layers, int Heads, int KvHeads, int FeedForwardLength, int RopeDimensions,
    float RopeFrequencyBase, float RmsEpsilon, int VocabularySize, int TrainingContextLength)
{
    /// <summary>Dimensions per attention head.</summary>
    public int HeadDimensions => EmbeddingLength / Heads;

    /// <summary>Reads the shape; refuses architectures this trainer has no graph for.</summary>
    /// <exception cref="NotSupportedException">The architecture is not <c>llama</c>.</exception>
    /// <exception cref="InvalidDataException">A required key is missing or inconsistent; the message names it.</exception>
    public static LlamaHyperParameters From(GgufDocument model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        var arch = model.Get("general.architecture") as string;
        if (arch != "llama")
            throw new NotSupportedException($"{path}: architecture '{arch ?? "(none)"}' is not supported by the trainer; only 'llama' has a graph.");
        int Int(string key, int? fallback = null)
        {
            var value = model.Get($"llama.{key}");
            if (value is null)
                return fallback ?? throw new InvalidDataException($"{path}: metadata 'llama.{key}' is missing.");
            return Convert.ToInt32(value, CultureInfo.InvariantCulture);
        }
        float Float(string key, float fallback) =>
            model.Get($"llama.{key}") is { } v ? Convert.ToSingle(v, CultureInfo.InvariantCulture) : fallback;

        var embd = Int("embedding_length");
        var heads = Int("attention.head_count");
        var p = new LlamaHyperParameters(
            embd, Int("block_count"), heads, Int("attention.head_count_kv", heads), Int("feed_forward_length"),
            Int("rope.dimension_count", embd / heads), Float("rope.freq_base", 10000f),
            Float("attention.layer_norm_rms_epsilon", 1e-5f),
            (model.Get("tokenizer.ggml.tokens") as string[])?.Length ?? throw new InvalidDataException($"{path}: metadata 'tokenizer.ggml.tokens' is missing."),
            Int("context_length"));
        if (embd % heads != 0 || heads % p.KvHeads != 0)
            throw new InvalidDataException($"{path}: {heads} heads and {p.KvHeads} KV heads do not divide n_embd {embd}.");
        return p;
    }
}
