namespace OrleansEvaluator.Training;

/// <summary>A low-rank adapter: <c>W·h + (Alpha / Rank) · B·(A·h)</c> on the target weights; the base stays frozen.</summary>
public sealed record LoraOptions
{
    /// <summary>Modules adapted in every layer by default.</summary>
    public static readonly IReadOnlyList<string> AllLinear = ["attn_q", "attn_k", "attn_v", "attn_output", "ffn_gate", "ffn_up", "ffn_down"];

    /// <summary>Rank r of A [n_in, r] and B [r, n_out].</summary>
    public int Rank { get; init; } = 8;

    /// <summary>Scale numerator; the adapter's output is scaled by Alpha / Rank.</summary>
    public float Alpha { get; init; } = 8;

    /// <summary>Weights to adapt, by module name (<c>attn_q</c> adapts <c>blk.N.attn_q.weight</c>).</summary>
    public IReadOnlyList<string> TargetModules { get; init; } = AllLinear;

    /// <summary>Seed of A's initialisation (B starts at zero, so the adapter starts as a no-op).</summary>
    public ulong Seed { get; init; }

    /// <summary>Every problem, each naming its field.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Rank < 1)
            errors.Add($"Lora.Rank: must be at least 1 (got {Rank}).");
        if (!(Alpha > 0))
            errors.Add($"Lora.Alpha: must be positive (got {Alpha}).");
        var unknown = TargetModules.Where(m => !AllLinear.Contains(m)).ToArray();
        if (TargetModules.Count == 0 || unknown.Length > 0)
            errors.Add($"Lora.TargetModules: choose from {string.Join(", ", AllLinear)} (unknown: {string.Join(", ", unknown)}).");
        return errors;
    }

    /// <summary>The adapter tensor names of a base weight.</summary>
    public static (string A, string B) TensorNames(string baseWeight) => (baseWeight + ".lora_a", baseWeight + ".lora_b");
}
