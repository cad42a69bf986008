namespace OrleansEvaluator.Grains.Registry;

/// <summary>Persisted versions, by model name.</summary>
[GenerateSerializer, Alias("oeval.ModelRegistryState")]
public sealed class ModelRegistryState
{
    [Id(0)]
    public Dictionary<string, List<ModelVersion>> Versions { get; set; } = new(StringComparer.Ordinal);
}
