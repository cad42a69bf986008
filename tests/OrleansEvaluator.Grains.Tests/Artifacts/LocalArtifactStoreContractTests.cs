using OrleansEvaluator.Artifacts;
using OrleansEvaluator.Core.Artifacts;

namespace OrleansEvaluator.Grains.Tests.Artifacts;

public sealed class LocalArtifactStoreContractTests : ArtifactStoreContract
{
    private readonly LocalArtifactStore _store = new(Directory.CreateTempSubdirectory("oeval-artifacts-").FullName);

    protected override IArtifactStore Store => _store;

    protected override Task TamperAsync(string id, byte[] bytes, CancellationToken ct) => File.WriteAllBytesAsync(_store.PathOf(id), bytes, ct);
}
