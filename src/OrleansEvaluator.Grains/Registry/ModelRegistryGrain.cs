using Microsoft.Extensions.DependencyInjection;
using OrleansEvaluator.Artifacts;
using OrleansEvaluator.Grains.Inference;
using OrleansEvaluator.Grains.Placement;

namespace OrleansEvaluator.Grains.Registry;

/// <summary>Keeps a run's model versions; lives on coordinator silos and persists every publication.</summary>
[SiloRoleFilter(SiloRoles.Coordinator)]
public sealed class ModelRegistryGrain(
    [PersistentState("models", ModelRegistryGrain.StorageName)] IPersistentState<ModelRegistryState> state,
    IServiceProvider services)
    : Grain, IModelRegistryGrain
{
    /// <summary>The grain storage provider this grain needs.</summary>
    public const string StorageName = "oeval-state";

    public async Task<ModelVersion> PublishAsync(string name, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!File.Exists(path))
            throw new ArgumentException($"Path: '{path}' does not exist on the registry's silo.");
        return await AddAsync(name, await ContentHash.OfFileAsync(path), Path.GetFullPath(path));
    }

    public async Task<ModelVersion> PublishStoredAsync(string name, string contentId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentId);
        var store = services.GetService<IArtifactStore>()
            ?? throw new InvalidOperationException("This silo has no artifact store; configure one (local folder or Azure Blob).");
        if (!await store.ExistsAsync(contentId))
            throw new ArgumentException($"ContentId: {contentId} is not in the artifact store.");
        return await AddAsync(name, contentId, "");
    }

    private async Task<ModelVersion> AddAsync(string name, string contentId, string path)
    {
        if (!state.State.Versions.TryGetValue(name, out var versions))
            state.State.Versions[name] = versions = [];
        if (versions.Count > 0 && versions[^1].ContentId == contentId)
            return versions[^1];
        var version = new ModelVersion(name, versions.Count + 1, contentId, path);
        versions.Add(version);
        await state.WriteStateAsync();
        return version;
    }

    public Task<ModelVersion?> CurrentAsync(string name) =>
        Task.FromResult(state.State.Versions.TryGetValue(name, out var v) && v.Count > 0 ? v[^1] : null);

    public Task<IReadOnlyList<ModelVersion>> HistoryAsync(string name) =>
        Task.FromResult<IReadOnlyList<ModelVersion>>(state.State.Versions.TryGetValue(name, out var v) ? v.ToArray() : []);
}
