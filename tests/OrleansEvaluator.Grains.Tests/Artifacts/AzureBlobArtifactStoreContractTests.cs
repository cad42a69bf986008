using Azure.Storage.Blobs;
using OrleansEvaluator.Artifacts;
using OrleansEvaluator.Hosting.Storage;

namespace OrleansEvaluator.Grains.Tests.Artifacts;

/// <summary>The contract on a real Azurite, each test class instance in a container of its own (created by the store).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobArtifactStoreContractTests(AzuriteFixture azurite) : ArtifactStoreContract
{
    private readonly AzureBlobArtifactStore _store = new(new BlobContainerClient(azurite.ConnectionString, AzuriteFixture.UniqueName("artifacts-")));

    protected override IArtifactStore Store => _store;

    protected override Task TamperAsync(string id, byte[] bytes, CancellationToken ct) =>
        _store.BlobOf(id).UploadAsync(new BinaryData(bytes), overwrite: true, ct);
}
