using OrleansEvaluator.Grains.Inference;
using OrleansEvaluator.Grains.Placement;

namespace OrleansEvaluator.Grains.Registry;

/// <summary>Keeps a run's model versions; lives on coordinator silos and persists every publication.</summary>
[SiloRoleFilter(SiloRoles.Coordinator)]
public sealed class ModelRegistryGrain([PersistentState("models", ModelRegistryGrain.StorageName)] IPersistentState<ModelRegistryState> state)
    : Grain, IModelRegistryGrain
{
    /// <summary>The grain storage provider this grain needs.</summary>
    public const string StorageName = "oeval-state";

    public async Task<ModelVersion> PublishAsync(string name, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!File.Exists(path))
            throw new ArgumentException($"Path: '{path}' does not exist on the registry's silo.");
        var contentId = await ContentHash.OfFileAsync(path);
        if (!state.State.Versions.TryGetValue(name, out var versions))
            state.State.Versions[name] = versions = [];
        if (versions.Count > 0 && versions[^1].ContentId == contentId)
            return versions[^1];
        var version = new ModelVersion(name, versions.Count + 1, contentId, Path.GetFullPath(path));
        versions.Add(version);
        await state.WriteStateAsync();
        return version;
    }

    public Task<ModelVersion?> CurrentAsync(string name) =>
        Task.FromResult(state.State.Versions.TryGetValue(name, out var v) && v.Count > 0 ? v[^1] : null);

    public Task<IReadOnlyList<ModelVersion>> HistoryAsync(string name) =>
        Task.FromResult<IReadOnlyList<ModelVersion>>(state.State.Versions.TryGetValue(name, out var v) ? v.ToArray() : []);
}
