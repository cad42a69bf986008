namespace OrleansEvaluator.Grains.Inference;

/// <summary>The GGUF files a worker silo may load, by model id.</summary>
public sealed class ModelCatalogOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Models";

    /// <summary>Model id → GGUF path.</summary>
    public IDictionary<string, string> Paths { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
