namespace OrleansEvaluator.Inference.Configuration;

/// <summary>Settings of the in-process LLamaSharp engine; each loaded model gets its own context with these sizes.</summary>
public sealed class LlamaEngineOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Inference:Llama";

    /// <summary>Environment variable that overrides <see cref="Threads"/>.</summary>
    public const string ThreadsEnvironmentVariable = "OEVAL_LLAMA_THREADS";

    /// <summary>
    /// KV-cache cells per model, shared by all of its in-flight sequences (a forked prompt is stored once).
    /// A request needs <c>prompt + samples × max_tokens</c> cells. Multiple of 256 (llama.cpp pads to it).
    /// </summary>
    public int ContextSize { get; set; } = 8192;

    /// <summary>Most tokens decoded in one step (prefill chunks plus one token per generating sequence).</summary>
    public int BatchSize { get; set; } = 512;

    /// <summary>Most sequences (samples) decoding at once per model; llama.cpp allows up to 256.</summary>
    public int MaxSequences { get; set; } = 64;

    /// <summary>CPU threads used by a decode.</summary>
    public int Threads { get; set; } = Environment.ProcessorCount;

    /// <summary>Requests that may wait per model before callers are held back (back-pressure).</summary>
    public int QueueCapacity { get; set; } = 1024;

    /// <summary>
    /// llama.cpp built-in chat template used when a GGUF carries no <c>tokenizer.chat_template</c>
    /// (for example <c>chatml</c>, <c>llama2</c>, <c>llama3</c>, <c>zephyr</c>, <c>phi3</c>, <c>gemma</c>).
    /// </summary>
    public string ChatTemplateFallback { get; set; } = "chatml";

    /// <summary>
    /// Folder holding the llama.cpp libraries to load (libllama.so, libmtmd.so and their ggml libraries).
    /// Null lets LLamaSharp choose the best CPU variant. Process-wide: only the first engine's value counts.
    /// </summary>
    public string? NativeLibraryDirectory { get; set; }

    /// <summary>Upper bound of <see cref="MaxSequences"/> (LLAMA_MAX_SEQ).</summary>
    public const int SequenceLimit = 256;
}
