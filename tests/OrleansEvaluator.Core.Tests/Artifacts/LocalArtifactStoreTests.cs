using System.Security.Cryptography;
using OrleansEvaluator.Core.Artifacts;
using OrleansEvaluator.Core.Formats;
using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Tests.Artifacts;

public sealed class LocalArtifactStoreTests
{
    private readonly LocalArtifactStore _store = new(Directory.CreateTempSubdirectory("oeval-artifacts-").FullName);

    [Fact]
    public async Task An_artifact_is_stored_under_the_sha256_of_its_bytes_once_and_reads_back_whole()
    {
        var ct = TestContext.Current.CancellationToken;
        var bytes = ArtifactFile.Serialize([new DpoPair("d", "p", "a", "b")]);
        var id = await _store.PutAsync(new MemoryStream(bytes), ct);
        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)), id);
        Assert.Equal(ArtifactFile.Id(bytes), id);
        Assert.Equal(id, await _store.PutAsync(new MemoryStream(bytes), ct));
        Assert.True(await _store.ExistsAsync(id, ct));

        await using var read = await _store.OpenAsync(id, ct);
        var copy = new MemoryStream();
        await read.CopyToAsync(copy, ct);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task A_corrupted_file_is_detected_when_read_and_unknown_or_malformed_ids_are_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await _store.PutAsync(new MemoryStream([1, 2, 3, 4]), ct);
        await File.WriteAllBytesAsync(_store.PathOf(id), [1, 2, 3, 5], ct);
        await using (var read = await _store.OpenAsync(id, ct))
        {
            var error = await Assert.ThrowsAsync<InvalidDataException>(() => read.CopyToAsync(Stream.Null, ct));
            Assert.Contains("is corrupt", error.Message, StringComparison.Ordinal);
        }
        await Assert.ThrowsAsync<KeyNotFoundException>(() => _store.OpenAsync("sha256:" + new string('0', 64), ct));
        Assert.Throws<ArgumentException>(() => _store.PathOf("md5:abc"));
        Assert.False(ArtifactId.IsValid("sha256:ABC"));
    }
}
