namespace OrleansEvaluator.Grains;

/// <summary>One published version of a named model: workers load it by content, so every silo serves the same bytes.</summary>
/// <param name="Name">The model's name in the run, e.g. <c>judge</c>.</param>
/// <param name="Version">1, 2, … in publication order.</param>
/// <param name="ContentId"><c>sha256:</c> of the GGUF file.</param>
/// <param name="Path">Where the file is (a path every worker can read), or empty for a model in the artifact store.</param>
[GenerateSerializer, Immutable, Alias("oeval.ModelVersion")]
public sealed record ModelVersion([property: Id(0)] string Name, [property: Id(1)] int Version, [property: Id(2)] string ContentId, [property: Id(3)] string Path);
