namespace OrleansEvaluator.Grains.Pipeline;

/// <summary>A finished chunk of a stage: its records' artifact(s) and the inputs that produced nothing, by reason.</summary>
[GenerateSerializer, Immutable, Alias("oeval.ChunkResult")]
public sealed record ChunkResult(
    [property: Id(0)] string Artifact,
    [property: Id(1)] string? SecondaryArtifact,
    [property: Id(2)] int Items,
    [property: Id(3)] int Produced,
    [property: Id(4)] Dictionary<string, int> Failures);
