using OrleansEvaluator.Artifacts;
using OrleansEvaluator.Core.Formats;

namespace OrleansEvaluator.Grains.Pipeline;

/// <summary>Record artifacts in an <see cref="IArtifactStore"/>: written once, read back by id.</summary>
public static class StoredRecords
{
    /// <summary>Stores the records as one artifact and returns its id.</summary>
    public static async Task<string> PutAsync<T>(this IArtifactStore store, IReadOnlyList<T> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var stream = new MemoryStream(ArtifactFile.Serialize(records), writable: false);
        return await store.PutAsync(stream, cancellationToken);
    }

    /// <summary>Reads an artifact's records (checked against the id).</summary>
    public static async Task<IReadOnlyList<T>> GetAsync<T>(this IArtifactStore store, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var stream = await store.OpenAsync(id, cancellationToken);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return ArtifactFile.Deserialize<T>(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), id);
    }

    /// <summary>Reads a raw artifact as text (an uploaded input file).</summary>
    public static async Task<string> GetTextAsync(this IArtifactStore store, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var stream = await store.OpenAsync(id, cancellationToken);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
