using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrleansEvaluator.Generation;
using OrleansEvaluator.Inference.Configuration;

namespace OrleansEvaluator.Inference.Llama;

/// <summary>
/// The in-process inference engine: holds any number of GGUF models by id, each with one continuous-batching
/// scheduler, and serves <see cref="ITextGenerator"/> requests to them. A model can be unloaded while another
/// loads; the unloaded one finishes its accepted requests first.
/// </summary>
public sealed partial class LlamaEngine : ITextGenerator, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, LlamaModelHost> _models = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _loadGate = new(1, 1);
    private readonly LlamaEngineOptions _options;
    private readonly ILogger _logger;

    public LlamaEngine(IOptions<LlamaEngineOptions> options, ILogger<LlamaEngine>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        LlamaEngineOptionsValidator.EnsureValid(_options);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        NativeLlamaRuntime.EnsureConfigured(_logger, _options.NativeLibraryDirectory);
    }

    /// <summary>Creates an engine with the given options and logger.</summary>
    public static LlamaEngine Create(LlamaEngineOptions options, ILoggerFactory? loggers = null) =>
        new(Microsoft.Extensions.Options.Options.Create(options), loggers?.CreateLogger<LlamaEngine>());

    /// <summary>The engine's settings.</summary>
    public LlamaEngineOptions Options => _options;

    /// <summary>Every loaded model.</summary>
    public IReadOnlyList<LoadedModelInfo> Models => _models.Values.Select(m => m.Describe()).OrderBy(m => m.Id, StringComparer.Ordinal).ToArray();

    /// <summary>True when a model is loaded under <paramref name="id"/> and takes requests (cheap: no report is built).</summary>
    public bool IsLoaded(string id) => _models.ContainsKey(id);

    /// <summary>
    /// Loads a GGUF file under <paramref name="id"/>. The file is checked in managed code first, so a missing,
    /// non-GGUF or truncated file fails with a clear message and no native call.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="Gguf.GgufFormatException">The file is not a valid GGUF model.</exception>
    /// <exception cref="ModelLoadException">llama.cpp rejected the model.</exception>
    public async Task<LoadedModelInfo> LoadAsync(string id, string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        await _loadGate.WaitAsync(cancellationToken);
        try
        {
            if (_models.ContainsKey(id))
                throw new InvalidOperationException($"A model with id '{id}' is already loaded; unload it first or use another id.");
            var host = await LlamaModelHost.LoadAsync(id, path, _options, _logger, cancellationToken);
            _models[id] = host;
            var info = host.Describe();
            LogLoaded(_logger, id, info.Path, info.ParameterCount, info.Memory.WeightsBytes, info.Memory.KvCacheBytes);
            return info;
        }
        finally
        {
            _loadGate.Release();
        }
    }

    /// <summary>
    /// Unloads a model: new requests for it fail at once, accepted ones finish, then its memory is freed.
    /// </summary>
    public async Task UnloadAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!_models.TryRemove(id, out var host))
            throw new KeyNotFoundException($"No model with id '{id}' is loaded.");
        await host.DrainAsync(cancellationToken);
        LogUnloaded(_logger, id);
    }

    /// <inheritdoc />
    public Task<GenerationResult> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.EnsureValid();
        if (!_models.TryGetValue(request.Model, out var host))
        {
            var loaded = _models.IsEmpty ? "none" : string.Join(", ", _models.Keys.Order(StringComparer.Ordinal));
            throw new ArgumentException($"Model: '{request.Model}' is not loaded (loaded: {loaded}).");
        }
        return host.GenerateAsync(request, cancellationToken);
    }

    internal LlamaModelHost Host(string id) => _models[id];

    public async ValueTask DisposeAsync()
    {
        foreach (var id in _models.Keys.ToArray())
        {
            if (_models.TryRemove(id, out var host))
                await host.DisposeAsync();
        }
        _loadGate.Dispose();
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Loaded model {ModelId} from {Path}: {Parameters} parameters, {WeightsBytes} weight bytes, {KvBytes} KV bytes")]
    private static partial void LogLoaded(ILogger logger, string modelId, string path, long parameters, long weightsBytes, long kvBytes);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Unloaded model {ModelId}")]
    private static partial void LogUnloaded(ILogger logger, string modelId);
}
