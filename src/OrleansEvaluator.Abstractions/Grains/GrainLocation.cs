namespace OrleansEvaluator.Grains;

/// <summary>The silo an activation runs on, and that silo's roles.</summary>
[GenerateSerializer, Immutable, Alias("oeval.GrainLocation")]
public sealed record GrainLocation([property: Id(0)] string Silo, [property: Id(1)] IReadOnlyList<string> Roles);
