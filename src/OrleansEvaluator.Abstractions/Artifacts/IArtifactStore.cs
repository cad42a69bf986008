namespace OrleansEvaluator.Artifacts;

/// <summary>
/// Immutable, content-addressed storage for everything a run produces (record artifacts, models). An artifact's id
/// is <c>sha256:</c> and the hex digest of its bytes, so writing the same bytes twice is one artifact, and a read
/// that does not match its id is detected. Implemented by a local folder (embedded mode) and Azure Blob (cluster).
/// </summary>
public interface IArtifactStore
{
    /// <summary>Stores the bytes of <paramref name="content"/> and returns their id; idempotent.</summary>
    Task<string> PutAsync(Stream content, CancellationToken cancellationToken = default);

    /// <summary>Opens an artifact for reading; the bytes are checked against the id as they are read to the end.</summary>
    /// <exception cref="KeyNotFoundException">No artifact has this id.</exception>
    Task<Stream> OpenAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>True when the artifact exists.</summary>
    Task<bool> ExistsAsync(string id, CancellationToken cancellationToken = default);
}
