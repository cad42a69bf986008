namespace OrleansEvaluator.Grains;

/// <summary>A worker activation's silo and the models loaded there.</summary>
[GenerateSerializer, Immutable, Alias("oeval.WorkerDescription")]
public sealed record WorkerDescription([property: Id(0)] string Silo, [property: Id(1)] IReadOnlyList<string> Roles, [property: Id(2)] IReadOnlyList<string> LoadedModels);
