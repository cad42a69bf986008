using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansEvaluator.Generation;
using OrleansEvaluator.Inference.Llama;

namespace OrleansEvaluator.Grains.Inference;

/// <summary>
/// The silo's engine plus its catalog: a model is loaded the first time a request names it, once, however many
/// requests arrive together.
/// </summary>
public sealed class SiloModelHost(LlamaEngine engine, IOptions<ModelCatalogOptions> catalog, IServiceProvider services) : IWorkerBackend, IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly List<ModelVersion> _versions = [];

    /// <summary>The engine.</summary>
    public LlamaEngine Engine => engine;

    /// <inheritdoc />
    public IReadOnlyList<string> LoadedModels => engine.Models.Select(m => m.Id).ToArray();

    /// <summary>Generates, loading the model from the catalog if needed.</summary>
    public async Task<GenerationResult> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await EnsureLoadedAsync(request.Model, cancellationToken);
        return await engine.GenerateAsync(request, cancellationToken);
    }

    /// <summary>
    /// Generates with a published version: loads it under its content id (after checking the file's hash), then
    /// unloads older versions of the same name, each once its accepted requests have finished.
    /// </summary>
    public async Task<GenerationResult> GenerateAsync(ModelVersion model, GenerationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(request);
        for (var attempt = 0; ; attempt++)
        {
            await EnsureVersionLoadedAsync(model, cancellationToken);
            try
            {
                return await engine.GenerateAsync(request with { Model = model.ContentId }, cancellationToken);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException && attempt < 3
                && !engine.IsLoaded(model.ContentId))
            {
                // The version began draining between loading and submitting (a newer one arrived): load it again.
            }
            finally
            {
                // A request for a version older than one already loaded is served, then that version drains too.
                bool superseded;
                lock (_versions)
                    superseded = _versions.Any(v => v.Name == model.Name && v.Version > model.Version);
                if (superseded)
                    _ = DrainAsync(model.ContentId);
            }
        }
    }

    private Task EnsureVersionLoadedAsync(ModelVersion model, CancellationToken cancellationToken) =>
        engine.IsLoaded(model.ContentId) ? Task.CompletedTask : LoadOnceAsync(model.ContentId, async ct =>
        {
            var path = await LocatePublishedAsync(model, ct);
            var actual = await ContentHash.OfFileAsync(path, ct);
            if (actual != model.ContentId)
                throw new InvalidOperationException($"Model {model.Name} v{model.Version}: {path} now hashes to {actual}, not {model.ContentId}; it changed after publication.");
            await engine.LoadAsync(model.ContentId, path, ct);
            lock (_versions)
            {
                foreach (var old in _versions.Where(v => v.Name == model.Name && v.Version < model.Version).ToArray())
                    _ = DrainAsync(old.ContentId);
                if (!_versions.Contains(model))
                    _versions.Add(model);
            }
        }, cancellationToken);

    // A version published by path is read there; one published into the artifact store is fetched by content id.
    private async Task<string> LocatePublishedAsync(ModelVersion model, CancellationToken cancellationToken)
    {
        if (model.Path.Length > 0)
            return model.Path;
        var files = services.GetService<OrleansEvaluator.Grains.Pipeline.ModelFiles>()
            ?? throw new InvalidOperationException($"Model {model.Name} v{model.Version} is in the artifact store, and this worker has none configured.");
        return await files.PathOfAsync(model.ContentId, cancellationToken);
    }

    // One load at a time, and none for a model another request loaded while this one waited.
    private async Task LoadOnceAsync(string id, Func<CancellationToken, Task> load, CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (!engine.IsLoaded(id))
                await load(cancellationToken);
        }
        finally
        {
            _loading.Release();
        }
    }

    // The old version finishes its accepted requests in the background; it may already be gone if a caller unloaded it.
    private async Task DrainAsync(string contentId)
    {
        try
        {
            await engine.UnloadAsync(contentId, CancellationToken.None);
        }
        catch (KeyNotFoundException)
        {
        }
    }

    public void Dispose() => _loading.Dispose();

    private Task EnsureLoadedAsync(string model, CancellationToken cancellationToken)
    {
        if (engine.IsLoaded(model))
            return Task.CompletedTask;
        if (!catalog.Value.Paths.TryGetValue(model, out var path))
        {
            throw new ArgumentException($"Model: '{model}' is not in this worker's catalog (known: {string.Join(", ", catalog.Value.Paths.Keys.Order(StringComparer.Ordinal))}).");
        }
        return LoadOnceAsync(model, ct => engine.LoadAsync(model, path, ct), cancellationToken);
    }
}
