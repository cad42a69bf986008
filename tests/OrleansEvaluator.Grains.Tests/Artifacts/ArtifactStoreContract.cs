using System.Security.Cryptography;
using OrleansEvaluator.Artifacts;

namespace OrleansEvaluator.Grains.Tests.Artifacts;

/// <summary>What every <see cref="IArtifactStore"/> must do; each implementation's test class derives from this.</summary>
public abstract class ArtifactStoreContract
{
    protected abstract IArtifactStore Store { get; }

    /// <summary>Replaces the stored bytes of <paramref name="id"/> behind the store's back.</summary>
    protected abstract Task TamperAsync(string id, byte[] bytes, CancellationToken ct);

    private static byte[] RandomBytes(int length) => RandomNumberGenerator.GetBytes(length);

    private static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken ct)
    {
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy, ct);
        return copy.ToArray();
    }

    [Fact]
    public async Task Put_returns_the_sha256_id_and_the_bytes_read_back_whole()
    {
        var ct = TestContext.Current.CancellationToken;
        var bytes = RandomBytes(300_000); // more than one buffer
        var id = await Store.PutAsync(new MemoryStream(bytes), ct);
        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)), id);
        await using var read = await Store.OpenAsync(id, ct);
        Assert.Equal(bytes, await ReadAllAsync(read, ct));
    }

    [Fact]
    public async Task Putting_the_same_bytes_again_or_concurrently_returns_the_same_id()
    {
        var ct = TestContext.Current.CancellationToken;
        var bytes = RandomBytes(10_000);
        var first = await Store.PutAsync(new MemoryStream(bytes), ct);
        Assert.Equal(first, await Store.PutAsync(new MemoryStream(bytes), ct));

        var fresh = RandomBytes(50_000);
        var ids = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => Store.PutAsync(new MemoryStream(fresh), ct), ct)));
        Assert.Single(ids.Distinct());
        await using var read = await Store.OpenAsync(ids[0], ct);
        Assert.Equal(fresh, await ReadAllAsync(read, ct));
    }

    [Fact]
    public async Task Exists_is_true_only_after_a_put_and_an_empty_artifact_is_an_artifact()
    {
        var ct = TestContext.Current.CancellationToken;
        var bytes = RandomBytes(64);
        var id = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.False(await Store.ExistsAsync(id, ct));
        Assert.Equal(id, await Store.PutAsync(new MemoryStream(bytes), ct));
        Assert.True(await Store.ExistsAsync(id, ct));

        var empty = await Store.PutAsync(new MemoryStream(), ct);
        Assert.True(await Store.ExistsAsync(empty, ct));
        await using var read = await Store.OpenAsync(empty, ct);
        Assert.Empty(await ReadAllAsync(read, ct));
    }

    [Fact]
    public async Task A_missing_id_is_KeyNotFound()
    {
        var ct = TestContext.Current.CancellationToken;
        var missing = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(RandomBytes(32)));
        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() => Store.OpenAsync(missing, ct));
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tampered_bytes_are_detected_when_read_to_the_end()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await Store.PutAsync(new MemoryStream(RandomBytes(1000)), ct);
        await TamperAsync(id, RandomBytes(1000), ct);
        await using var read = await Store.OpenAsync(id, ct);
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => read.CopyToAsync(Stream.Null, ct));
        Assert.Contains(id, error.Message, StringComparison.Ordinal);
        Assert.Contains("is corrupt", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("md5:abc")]
    [InlineData("sha256:ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")]
    [InlineData("sha256:../../etc/passwd")]
    [InlineData("")]
    public async Task Malformed_ids_are_rejected_by_name(string id)
    {
        var ct = TestContext.Current.CancellationToken;
        var open = await Assert.ThrowsAsync<ArgumentException>(() => Store.OpenAsync(id, ct));
        Assert.Contains($"'{id}'", open.Message, StringComparison.Ordinal);
        var exists = await Assert.ThrowsAsync<ArgumentException>(() => Store.ExistsAsync(id, ct));
        Assert.Contains($"'{id}'", exists.Message, StringComparison.Ordinal);
    }
}
