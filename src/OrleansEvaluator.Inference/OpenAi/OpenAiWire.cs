using System.Text.Json.Serialization;

namespace OrleansEvaluator.Inference.OpenAi;

// The subset of the OpenAI chat-completions and completions wire format that vLLM, llama-server and our own
// `oeval serve` agree on. Field names are the protocol's, hence the attributes.

/// <summary>A chat turn on the wire.</summary>
public sealed record WireMessage(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("content")] string Content);

/// <summary>POST /v1/chat/completions (with <see cref="Messages"/>) or /v1/completions (with <see cref="Prompt"/>).</summary>
public sealed record WireCompletionRequest
{
    [JsonPropertyName("model")] public required string Model { get; init; }
    [JsonPropertyName("messages")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<WireMessage>? Messages { get; init; }
    [JsonPropertyName("prompt")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Prompt { get; init; }
    [JsonPropertyName("max_tokens")] public int? MaxTokens { get; init; }
    [JsonPropertyName("temperature")] public float? Temperature { get; init; }
    [JsonPropertyName("top_p")] public float? TopP { get; init; }
    [JsonPropertyName("seed")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public long? Seed { get; init; }
    [JsonPropertyName("n")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? N { get; init; }
    [JsonPropertyName("stop")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<string>? Stop { get; init; }

    /// <summary>llama-server's field for a GBNF grammar.</summary>
    [JsonPropertyName("grammar")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Grammar { get; init; }

    /// <summary>vLLM's field for a GBNF grammar.</summary>
    [JsonPropertyName("guided_grammar")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? GuidedGrammar { get; init; }
}

/// <summary>A completion response (both endpoints).</summary>
public sealed record WireCompletionResponse
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("object")] public string? ObjectType { get; init; }
    [JsonPropertyName("model")] public string? Model { get; init; }
    [JsonPropertyName("choices")] public IReadOnlyList<WireChoice>? Choices { get; init; }
    [JsonPropertyName("usage")] public WireUsage? Usage { get; init; }
}

/// <summary>One choice: <see cref="Message"/> for chat, <see cref="Text"/> for completions.</summary>
public sealed record WireChoice
{
    [JsonPropertyName("index")] public int Index { get; init; }
    [JsonPropertyName("message")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public WireMessage? Message { get; init; }
    [JsonPropertyName("text")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Text { get; init; }
    [JsonPropertyName("finish_reason")] public string? FinishReason { get; init; }
}

/// <summary>Token usage.</summary>
public sealed record WireUsage
{
    [JsonPropertyName("prompt_tokens")] public int PromptTokens { get; init; }
    [JsonPropertyName("completion_tokens")] public int CompletionTokens { get; init; }
    [JsonPropertyName("total_tokens")] public int TotalTokens { get; init; }
    [JsonPropertyName("prompt_tokens_details")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public WirePromptDetails? PromptTokensDetails { get; init; }
}

/// <summary>Prompt-token details.</summary>
public sealed record WirePromptDetails([property: JsonPropertyName("cached_tokens")] int CachedTokens);

/// <summary>An error body: <c>{"error": {"message": …, "type": …}}</c>.</summary>
public sealed record WireErrorResponse([property: JsonPropertyName("error")] WireError Error);

/// <summary>The error itself.</summary>
public sealed record WireError(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("type")] string Type);
