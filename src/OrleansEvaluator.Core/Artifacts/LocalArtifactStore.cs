using OrleansEvaluator.Artifacts;

namespace OrleansEvaluator.Core.Artifacts;

/// <summary>
/// Artifacts as files under a folder, named by digest (<c>ab/abcdef….bin</c>). Writes go to a temporary file and
/// are renamed into place, so a crash never leaves a partial artifact under its id; reads are verified.
/// </summary>
public sealed class LocalArtifactStore : IArtifactStore
{
    private readonly string _root;

    public LocalArtifactStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    /// <summary>The file an id is stored in.</summary>
    public string PathOf(string id)
    {
        var digest = ArtifactId.Digest(id);
        return Path.Combine(_root, digest[..2], digest + ".bin");
    }

    public async Task<string> PutAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(Path.Combine(_root, "tmp"));
        var temp = Path.Combine(_root, "tmp", Guid.NewGuid().ToString("N"));
        string id;
        await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            id = await ArtifactHashing.CopyAsync(content, file, cancellationToken);
        var target = PathOf(id);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target))
            File.Delete(temp); // same bytes are already stored: artifacts are immutable
        else
            File.Move(temp, target, overwrite: true);
        return id;
    }

    public Task<Stream> OpenAsync(string id, CancellationToken cancellationToken = default)
    {
        var path = PathOf(id);
        if (!File.Exists(path))
            throw new KeyNotFoundException($"Artifact {id} is not in {_root}.");
        Stream stream = new VerifyingStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true), id);
        return Task.FromResult(stream);
    }

    public Task<bool> ExistsAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(File.Exists(PathOf(id)));
}
