namespace OrleansEvaluator.Training;

/// <summary>The shape of a new llama model.</summary>
public sealed record LlamaShape
{
    public int EmbeddingLength { get; init; } = 128;

    public int Layers { get; init; } = 4;

    public int Heads { get; init; } = 4;

    /// <summary>Key/value heads (grouped-query attention); defaults to <see cref="Heads"/>.</summary>
    public int? KvHeads { get; init; }

    public int FeedForwardLength { get; init; } = 384;

    public int ContextLength { get; init; } = 128;

    public float RmsEpsilon { get; init; } = 1e-5f;

    public float RopeFrequencyBase { get; init; } = 10000f;

    /// <summary>Every problem, each naming its field.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (EmbeddingLength < 8 || Layers < 1 || Heads < 1 || FeedForwardLength < 1 || ContextLength < 2)
            errors.Add("EmbeddingLength (>= 8), Layers, Heads, FeedForwardLength and ContextLength (>= 2) must be positive.");
        else if (EmbeddingLength % Heads != 0 || (EmbeddingLength / Heads) % 2 != 0)
            errors.Add($"Heads: {Heads} must divide EmbeddingLength {EmbeddingLength} into even head sizes (rotary embedding pairs).");
        var kv = KvHeads ?? Heads;
        if (kv < 1 || Heads % kv != 0)
            errors.Add($"KvHeads: {kv} must divide Heads {Heads}.");
        return errors;
    }
}
