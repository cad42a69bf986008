using System.Net;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using OrleansEvaluator.Artifacts;
using OrleansEvaluator.Core.Artifacts;

namespace OrleansEvaluator.Hosting.Storage;

/// <summary>
/// Artifacts as blobs in one container (cluster mode), named by the hex digest of their bytes. A put hashes the
/// content while buffering it to a temporary file, then uploads it only if no blob has that name, so repeated and
/// concurrent puts of the same bytes are one artifact. Reads are verified against the id. The container is created
/// on first use when missing.
/// </summary>
public sealed class AzureBlobArtifactStore : IArtifactStore
{
    private readonly BlobContainerClient _container;
    private readonly string _tempFolder;
    private volatile bool _containerExists;

    /// <param name="container">The container; created on first use when missing.</param>
    /// <param name="tempFolder">Where puts buffer their content; default: the system's temporary folder.</param>
    public AzureBlobArtifactStore(BlobContainerClient container, string? tempFolder = null)
    {
        ArgumentNullException.ThrowIfNull(container);
        _container = container;
        _tempFolder = Path.GetFullPath(tempFolder ?? Path.GetTempPath());
    }

    /// <summary>The store's container.</summary>
    public BlobContainerClient Container => _container;

    /// <summary>The blob an id is stored in.</summary>
    /// <exception cref="ArgumentException">Not an artifact id.</exception>
    public BlobClient BlobOf(string id) => _container.GetBlobClient(ArtifactId.Digest(id));

    public async Task<string> PutAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(_tempFolder);
        var temp = Path.Combine(_tempFolder, "oeval-artifact-" + Guid.NewGuid().ToString("N") + ".tmp");
        await using var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        var id = await ArtifactHashing.CopyAsync(content, file, cancellationToken);
        await EnsureContainerAsync(cancellationToken);
        var blob = BlobOf(id);
        if (await blob.ExistsAsync(cancellationToken))
            return id; // same bytes are already stored: artifacts are immutable
        file.Position = 0;
        try
        {
            await blob.UploadAsync(file, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            // A concurrent put of the same bytes won the race; the blob holds exactly these bytes.
        }
        return id;
    }

    public async Task<Stream> OpenAsync(string id, CancellationToken cancellationToken = default)
    {
        var blob = BlobOf(id);
        await EnsureContainerAsync(cancellationToken);
        try
        {
            var download = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken);
            return new VerifyingStream(download.Value.Content, id);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            throw new KeyNotFoundException($"Artifact {id} is not in container {_container.Name}.", e);
        }
    }

    public async Task<bool> ExistsAsync(string id, CancellationToken cancellationToken = default)
    {
        var blob = BlobOf(id);
        await EnsureContainerAsync(cancellationToken);
        return (await blob.ExistsAsync(cancellationToken)).Value;
    }

    // Checked once per store (creation is idempotent, so concurrent first calls are harmless).
    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (_containerExists)
            return;
        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        _containerExists = true;
    }
}
