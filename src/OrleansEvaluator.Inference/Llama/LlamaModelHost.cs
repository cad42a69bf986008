using System.Diagnostics;
using LLama;
using LLama.Common;
using Microsoft.Extensions.Logging;
using OrleansEvaluator.Generation;
using OrleansEvaluator.Inference.Configuration;
using OrleansEvaluator.Inference.Gguf;
using OrleansEvaluator.Inference.Grammars;

namespace OrleansEvaluator.Inference.Llama;

/// <summary>One loaded GGUF model: its weights, its context and the scheduler that owns them.</summary>
internal sealed class LlamaModelHost : IAsyncDisposable
{
    private readonly LLamaWeights _weights;
    private readonly PromptTokenizer _tokenizer;
    private readonly BatchScheduler _scheduler;
    private readonly GgufHeader _header;
    private readonly ModelMemoryUsage _memory;
    private readonly LlamaEngineOptions _options;

    private LlamaModelHost(string id, GgufHeader header, LLamaWeights weights, PromptTokenizer tokenizer,
        BatchScheduler scheduler, ModelMemoryUsage memory, LlamaEngineOptions options)
    {
        Id = id;
        _header = header;
        _weights = weights;
        _tokenizer = tokenizer;
        _scheduler = scheduler;
        _memory = memory;
        _options = options;
    }

    public string Id { get; }

    internal LLamaWeights Weights => _weights;

    internal BatchScheduler Scheduler => _scheduler;

    public static async Task<LlamaModelHost> LoadAsync(string id, string path, LlamaEngineOptions options,
        ILogger logger, CancellationToken cancellationToken)
    {
        var header = GgufHeader.Read(path);
        if (header.Architecture is null)
            throw new ModelLoadException($"{header.Path}: GGUF has no general.architecture; it is not a language model.");
        if (!header.Metadata.ContainsKey("tokenizer.ggml.tokens"))
            throw new ModelLoadException($"{header.Path}: GGUF has no tokenizer (tokenizer.ggml.tokens).");
        var guard = VocabularyGuard.From(header);

        var parameters = new ModelParams(header.Path)
        {
            ContextSize = (uint)options.ContextSize,
            BatchSize = (uint)options.BatchSize,
            UBatchSize = (uint)options.BatchSize,
            SeqMax = (uint)options.MaxSequences,
            KVUnified = true,
            GpuLayerCount = 0,
            Threads = options.Threads,
            BatchThreads = options.Threads,
        };

        var rssBefore = Process.GetCurrentProcess().WorkingSet64;
        LLamaWeights weights;
        try
        {
            weights = await LLamaWeights.LoadFromFileAsync(parameters, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ModelLoadException($"{header.Path}: llama.cpp could not load the model ({e.Message}).", e);
        }

        try
        {
            var tokenizer = new PromptTokenizer(weights, header, guard, options.ChatTemplateFallback);
            try
            {
                tokenizer.CheckTemplate();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new ModelLoadException(tokenizer.DeclaredFormat is { } declared
                    ? $"{header.Path}: metadata '{RawPrompt.FormatKey}' names '{declared}', which is neither '{RawPrompt.TemplateName}' nor a llama.cpp built-in template ({e.Message})."
                    : $"{header.Path}: chat template fallback '{options.ChatTemplateFallback}' is not a llama.cpp built-in template ({e.Message}).", e);
            }
            var scheduler = new BatchScheduler(id, weights, parameters, options.ContextSize, options.BatchSize,
                options.MaxSequences, options.QueueCapacity, logger);
            var rssAfter = Process.GetCurrentProcess().WorkingSet64;
            var memory = new ModelMemoryUsage((long)weights.SizeInBytes, KvCacheBytes(header, options.ContextSize),
                Math.Max(0, rssAfter - rssBefore));
            return new LlamaModelHost(id, header, weights, tokenizer, scheduler, memory, options);
        }
        catch
        {
            weights.Dispose();
            throw;
        }
    }

    /// <summary>F16 keys and values for every layer and cell.</summary>
    private static long KvCacheBytes(GgufHeader header, int cells)
    {
        var layers = header.GetArchInteger("block_count") ?? 0;
        var embd = header.GetArchInteger("embedding_length") ?? 0;
        var heads = header.GetArchInteger("attention.head_count") ?? 1;
        var kvHeads = header.GetArchInteger("attention.head_count_kv") ?? heads;
        var keyLength = header.GetArchInteger("attention.key_length") ?? (heads > 0 ? embd / heads : 0);
        var valueLength = header.GetArchInteger("attention.value_length") ?? keyLength;
        return layers * cells * (keyLength + valueLength) * kvHeads * 2;
    }

    public Task<GenerationResult> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        var prompt = _tokenizer.Tokenize(request);
        if (prompt.Length == 0)
            throw new ArgumentException("Prompt: tokenizes to nothing.");
        if (request.Grammar is { } grammar)
        {
            if (GbnfValidator.Validate(grammar, request.GrammarRoot) is { } problem)
                throw new ArgumentException($"Grammar: {problem}.");
            _tokenizer.CheckGrammarLiterals(grammar);
        }

        var samples = new SampleSequence[request.Samples];
        try
        {
            for (var i = 0; i < samples.Length; i++)
                samples[i] = new SampleSequence(i, SamplerFactory.Create(_weights, request, i), _weights);
        }
        catch
        {
            foreach (var s in samples)
                s?.Dispose();
            throw;
        }
        var pending = new PendingRequest(request, prompt, _tokenizer.Text(request), samples) { CancellationToken = cancellationToken };
        return _scheduler.SubmitAsync(pending, cancellationToken);
    }

    public LoadedModelInfo Describe() => new(Id, _header.Path, _header.Architecture ?? "unknown",
        (long)_weights.ParameterCount, _options.ContextSize, _options.MaxSequences, _tokenizer.TemplateSource,
        _memory, _scheduler.InFlight, _scheduler.Draining);

    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        await _scheduler.DrainAsync(cancellationToken);
        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _scheduler.DisposeAsync();
        _weights.Dispose();
    }
}
