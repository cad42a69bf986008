namespace OrleansEvaluator.Inference.Configuration;

/// <summary>Settings of the client for an OpenAI-compatible server (vLLM, llama-server, <c>oeval serve</c>).</summary>
public sealed class OpenAiGeneratorOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Inference:OpenAi";

    /// <summary>Environment variable read for <see cref="ApiKey"/> when it is not set.</summary>
    public const string ApiKeyEnvironmentVariable = "OEVAL_OPENAI_API_KEY";

    /// <summary>Server root, e.g. <c>http://vllm:8000/</c>; the client appends <c>v1/chat/completions</c>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Bearer token, if the server wants one.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Request model id → the server's model name; ids not listed are sent as they are.</summary>
    public IDictionary<string, string> ModelNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Time allowed for one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Retries after the first attempt, for timeouts, connection failures, 408, 429 and 5xx.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First back-off; doubles per retry. A server's Retry-After wins when larger (up to <see cref="MaxRetryDelay"/>).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest wait between attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>HTTP requests in flight at once from this client.</summary>
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>How a GBNF grammar is sent: <see cref="GrammarDialect.LlamaServer"/>, <see cref="GrammarDialect.Vllm"/>, or not at all.</summary>
    public GrammarDialect Grammar { get; set; } = GrammarDialect.LlamaServer;

    /// <summary>
    /// Send all samples in one request with <c>n</c> (servers that fork, like <c>oeval serve</c>); otherwise one
    /// request per sample with seed + index (servers that ignore <c>n</c>, like llama-server).
    /// </summary>
    public bool UseN { get; set; }
}

/// <summary>The request field that carries a grammar.</summary>
public enum GrammarDialect
{
    /// <summary>Grammars are refused with an error.</summary>
    None = 0,

    /// <summary><c>grammar</c> (llama-server, <c>oeval serve</c>).</summary>
    LlamaServer = 1,

    /// <summary><c>guided_grammar</c> (vLLM).</summary>
    Vllm = 2,
}
