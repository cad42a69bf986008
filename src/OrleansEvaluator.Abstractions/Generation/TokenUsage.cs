namespace OrleansEvaluator.Generation;

/// <summary>Token accounting for one request.</summary>
/// <param name="PromptTokens">Tokens in the prompt, counted once.</param>
/// <param name="CachedPromptTokens">
/// Prompt tokens that were not decoded again because a sample reused an existing prefill (forked
/// samples share the prompt, so a request with N samples caches <c>PromptTokens × (N − 1)</c>).
/// </param>
/// <param name="GeneratedTokens">New tokens over all samples.</param>
[GenerateSerializer, Immutable, Alias("oeval.TokenUsage")]
public sealed record TokenUsage([property: Id(0)] int PromptTokens, [property: Id(1)] int CachedPromptTokens, [property: Id(2)] int GeneratedTokens)
{
    /// <summary>No tokens.</summary>
    public static TokenUsage Empty { get; } = new(0, 0, 0);

    /// <summary>The sum of two usages.</summary>
    public TokenUsage Add(TokenUsage other) => new(
        PromptTokens + other.PromptTokens,
        CachedPromptTokens + other.CachedPromptTokens,
        GeneratedTokens + other.GeneratedTokens);
}
