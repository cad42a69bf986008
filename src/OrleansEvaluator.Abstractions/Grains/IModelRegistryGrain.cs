namespace OrleansEvaluator.Grains;

/// <summary>The model versions of a run (key: run id), M0..Mi by content hash; persisted.</summary>
public interface IModelRegistryGrain : IGrainWithStringKey
{
    /// <summary>Publishes a file as the next version of <paramref name="name"/>; publishing the current content again returns the current version.</summary>
    Task<ModelVersion> PublishAsync(string name, string path);

    /// <summary>
    /// Publishes a model held in the artifact store as the next version of <paramref name="name"/>; workers fetch it
    /// by content id. Publishing the current content again returns the current version.
    /// </summary>
    Task<ModelVersion> PublishStoredAsync(string name, string contentId);

    /// <summary>The newest version of <paramref name="name"/>, or null.</summary>
    Task<ModelVersion?> CurrentAsync(string name);

    /// <summary>Every version of <paramref name="name"/>, oldest first.</summary>
    Task<IReadOnlyList<ModelVersion>> HistoryAsync(string name);
}
