using OrleansEvaluator.Artifacts;
using OrleansEvaluator.Core.Artifacts;

namespace OrleansEvaluator.Grains.Pipeline;

/// <summary>
/// Puts a model held in the artifact store on local disk, once per content id: a local store's own file is used in
/// place; anything else is downloaded (and checked against its id) into the cache folder.
/// </summary>
public sealed class ModelFiles(IArtifactStore store, Microsoft.Extensions.Options.IOptions<PipelineOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>A local path with the model's bytes.</summary>
    /// <exception cref="KeyNotFoundException">The store has no such model.</exception>
    public async Task<string> PathOfAsync(string contentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentId);
        if (store is LocalArtifactStore local)
        {
            var path = local.PathOf(contentId);
            return File.Exists(path) ? path : throw new KeyNotFoundException($"Model {contentId} is not in the artifact store.");
        }
        var hex = contentId.StartsWith("sha256:", StringComparison.Ordinal) ? contentId["sha256:".Length..] : contentId;
        var target = Path.Combine(options.Value.ModelCache, hex + ".gguf");
        if (File.Exists(target))
            return target;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(target))
                return target;
            Directory.CreateDirectory(options.Value.ModelCache);
            var temp = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
            try
            {
                await using (var source = await store.OpenAsync(contentId, cancellationToken))
                await using (var file = File.Create(temp))
                    await source.CopyToAsync(file, cancellationToken); // the store's stream checks the hash at the end
                File.Move(temp, target, overwrite: true);
            }
            finally
            {
                File.Delete(temp);
            }
            return target;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stores a local model file and returns its content id.</summary>
    public async Task<string> PutAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var file = File.OpenRead(path);
        return await store.PutAsync(file, cancellationToken);
    }

    public void Dispose() => _gate.Dispose();
}
