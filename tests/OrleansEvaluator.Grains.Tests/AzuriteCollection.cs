namespace OrleansEvaluator.Grains.Tests;

/// <summary>The tests that share one Azurite (they run one after another; other collections run beside them).</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
