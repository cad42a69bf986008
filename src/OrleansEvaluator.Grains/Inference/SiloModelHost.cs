using Microsoft.Extensions.Options;
using OrleansEvaluator.Generation;
using OrleansEvaluator.Inference.Llama;

namespace OrleansEvaluator.Grains.Inference;

/// <summary>
/// The silo's engine plus its catalog: a model is loaded the first time a request names it, once, however many
/// requests arrive together.
/// </summary>
public sealed class SiloModelHost(LlamaEngine engine, IOptions<ModelCatalogOptions> catalog) : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);

    /// <summary>The engine.</summary>
    public LlamaEngine Engine => engine;

    /// <summary>Generates, loading the model from the catalog if needed.</summary>
    public async Task<GenerationResult> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await EnsureLoadedAsync(request.Model, cancellationToken);
        return await engine.GenerateAsync(request, cancellationToken);
    }

    public void Dispose() => _loading.Dispose();

    private async Task EnsureLoadedAsync(string model, CancellationToken cancellationToken)
    {
        if (engine.Models.Any(m => m.Id == model))
            return;
        if (!catalog.Value.Paths.TryGetValue(model, out var path))
        {
            throw new ArgumentException($"Model: '{model}' is not in this worker's catalog (known: {string.Join(", ", catalog.Value.Paths.Keys.Order(StringComparer.Ordinal))}).");
        }
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (!engine.Models.Any(m => m.Id == model))
                await engine.LoadAsync(model, path, cancellationToken);
        }
        finally
        {
            _loading.Release();
        }
    }
}
